import QRCode from 'qrcode';

/**
 * The one way the platform draws a QR code: an SVG of paths (no text of ours inside), black on white, error
 * correction M, which survives a projector's glare and a phone's angle. `margin` is the quiet zone in modules.
 */
export function qrCodeSvg(url: string, margin: number): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin, color: { dark: '#000000', light: '#ffffff' } });
}
