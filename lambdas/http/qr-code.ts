import { toString as qrCodeText } from 'qrcode';

/** The QR code of an otpauth:// URI as SVG markup: the page inserts it as an element, no script, no image URL. */
export const qrCodeSvg = (uri: string): Promise<string> => qrCodeText(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
