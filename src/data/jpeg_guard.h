// A check stb_image 2.27 (Debian 12's libstb-dev) lacks: a JPEG Huffman table (DHT segment)
// whose 16 code-length counts add up to more than 256 symbols makes stbi__build_huffman write
// past its 257-entry array. Mutated JPEGs do that (found by probing; later stb releases check
// it). DecodeImage refuses such files before stb sees them.
#pragma once
#include <cstddef>
#include <cstdint>

namespace gradlab::data {

// False when any DHT segment in `bytes` (every 0xFF 0xC4 pair, read the way stb reads it, with
// missing bytes as 0) declares more than 256 symbols in one table. Not a JPEG (no FF..FF D8
// start, as stb recognises one): true.
bool JpegHuffmanTablesFit(const uint8_t* bytes, size_t size);

}  // namespace gradlab::data
