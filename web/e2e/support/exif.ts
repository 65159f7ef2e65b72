/**
 * Puts an EXIF segment with a GPS position into a JPEG, the way a phone camera does, so a
 * test can prove the app strips it. Little-endian TIFF: IFD0 with a GPSInfo pointer, and a
 * GPS IFD with latitude 51°21'N (Maas valley) as rationals.
 */
export const GPS_LATITUDE_DEGREES = 51;

export function jpegWithGps(jpeg: Buffer): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const tiff = Buffer.alloc(8 + (2 + 12 + 4) + (2 + 2 * 12 + 4) + 24);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  // IFD0: one entry, GPSInfo (0x8825, LONG) -> offset of the GPS IFD.
  let at = 8;
  const gpsIfd = 8 + 2 + 12 + 4;
  tiff.writeUInt16LE(1, at);
  tiff.writeUInt16LE(0x8825, at + 2);
  tiff.writeUInt16LE(4, at + 4);
  tiff.writeUInt32LE(1, at + 6);
  tiff.writeUInt32LE(gpsIfd, at + 10);
  tiff.writeUInt32LE(0, at + 14);
  // GPS IFD: GPSLatitudeRef 'N' (ASCII), GPSLatitude (3 RATIONALs).
  at = gpsIfd;
  const rationals = gpsIfd + 2 + 2 * 12 + 4;
  tiff.writeUInt16LE(2, at);
  tiff.writeUInt16LE(0x0001, at + 2);
  tiff.writeUInt16LE(2, at + 4);
  tiff.writeUInt32LE(2, at + 6);
  tiff.write('N\0', at + 10, 'latin1');
  tiff.writeUInt16LE(0x0002, at + 14);
  tiff.writeUInt16LE(5, at + 16);
  tiff.writeUInt32LE(3, at + 18);
  tiff.writeUInt32LE(rationals, at + 22);
  tiff.writeUInt32LE(0, at + 26);
  const parts = [GPS_LATITUDE_DEGREES, 1, 21, 1, 0, 1];
  parts.forEach((v, i) => tiff.writeUInt32LE(v, rationals + 4 * i));
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

/** True when the file carries EXIF or any APP1 segment (JPEG) or an EXIF chunk (WebP). */
export function hasExif(bytes: Buffer): boolean {
  if (bytes.includes(Buffer.from('Exif\0\0', 'latin1'))) return true;
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF') {
    return bytes.includes(Buffer.from('EXIF', 'latin1'));
  }
  for (let i = 2; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xe1) return true;
    if (bytes[i] === 0xff && bytes[i + 1] === 0xda) break;
  }
  return false;
}
