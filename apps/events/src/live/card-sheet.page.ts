import { type CardSheet, qrCodeSvg } from '@hs/domain';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Ten cards per A4 sheet (2 × 5), each with a QR code to the join page with its card filled in. */
export async function renderCardSheet(sheet: CardSheet): Promise<string> {
  const cards: string[] = [];
  for (const card of sheet.cards) {
    // Paths only, no text of ours inside: safe to put in the page as it is.
    const svg = await qrCodeSvg(card.url, 1);
    cards.push(`<section class="card">
  <div class="qr">${svg}</div>
  <div class="text">
    <p class="title">${escapeHtml(sheet.title)}</p>
    <p class="nl"><strong>Toegangskaart</strong>: scan de code met uw telefoon, of ga naar de site en vul in:</p>
    <p class="fy">Tagongskaart: scan de koade mei jo telefoan.</p>
    <p class="en">Check-in card: scan the code with your phone.</p>
    <p class="codes">Avondcode <b>${escapeHtml(sheet.joinCode)}</b><br>Kaartcode <b>${escapeHtml(card.code)}</b></p>
    <p class="small">Eén keer te gebruiken · Ien kear te brûken · Single use</p>
  </div>
</section>`);
  }
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Toegangskaarten – ${escapeHtml(sheet.title)}</title>
<style>
  @page { size: A4; margin: 10mm; }
  body { font-family: system-ui, sans-serif; margin: 0; }
  .sheet { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
  .card { border: 1px dashed #888; padding: 4mm; display: flex; gap: 4mm; height: 49mm; box-sizing: border-box; break-inside: avoid; }
  .qr svg { width: 38mm; height: 38mm; }
  .text p { margin: 0 0 1.2mm; font-size: 9pt; }
  .title { font-weight: bold; font-size: 10pt; }
  .fy, .en, .small { color: #444; font-size: 8pt; }
  .codes { font-size: 11pt; letter-spacing: 0.05em; }
  .noprint { margin: 4mm 0; }
  @media print { .noprint { display: none; } }
</style>
</head>
<body>
<p class="noprint">${sheet.cards.length} kaarten · Print op A4, knip langs de stippellijn. · Print on A4 and cut along the dotted lines.</p>
<main class="sheet">
${cards.join('\n')}
</main>
</body>
</html>`;
}
