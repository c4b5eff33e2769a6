#include "data/jpeg_guard.h"

namespace gradlab::data {

bool JpegHuffmanTablesFit(const uint8_t* bytes, size_t size) {
  // A JPEG to stb: 0xFF, any number of 0xFF fill bytes, then 0xD8 (start of image). Only the
  // plain FF D8 start was recognised here at first; the fuzzer got past with FF FF ... FF D8.
  size_t soi = 0;
  while (soi < size && bytes[soi] == 0xFF) ++soi;
  if (soi == 0 || soi >= size || bytes[soi] != 0xD8) return true;  // not a JPEG: nothing to check
  const auto at = [&](size_t i) -> int { return i < size ? bytes[i] : 0; };  // stb reads 0 past the end
  // Entropy-coded data stuffs every 0xFF with 0x00, so a real DHT marker is an FF C4 pair wherever it
  // is; a pair inside other data that is not one may be refused too, which errs on the safe side.
  for (size_t m = 0; m + 1 < size; ++m) {
    if (bytes[m] != 0xFF || bytes[m + 1] != 0xC4) continue;
    long left = (at(m + 2) << 8 | at(m + 3)) - 2;
    size_t p = m + 4;
    while (left > 0) {  // one or more tables: class/id byte, 16 counts, then the symbols
      long n = 0;
      for (int i = 0; i < 16; ++i) n += at(p + 1 + i);
      if (n > 256) return false;
      p += 17 + n;
      left -= 17 + n;
    }
  }
  return true;
}

}  // namespace gradlab::data
