import QRCode from 'qrcode';

/** The dark and light modules of a QR code (qrcode's encoder, error correction M), without the quiet zone. */
export interface QrMatrix {
  size: number;
  dark: (row: number, column: number) => boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, column) => modules.get(row, column) === 1 };
}

/** The QR code as an inline SVG image (one path, a quiet zone of 2 modules), labelled for screen readers. */
export function qrSvg(text: string, label: string): string {
  const qr = qrMatrix(text);
  const quiet = 2;
  const side = qr.size + 2 * quiet;
  let d = '';
  for (let row = 0; row < qr.size; row += 1) {
    for (let column = 0; column < qr.size; column += 1) {
      if (qr.dark(row, column)) d += `M${column + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  const escaped = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 ${side} ${side}" role="img" aria-label="${escaped}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}
