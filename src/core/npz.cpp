#include "core/npz.h"

#include <cstdio>
#include <cstring>
#include <regex>

namespace gradlab {

namespace {

void Put16(std::vector<uint8_t>& out, uint32_t v) {
  out.push_back(v & 0xFF);
  out.push_back((v >> 8) & 0xFF);
}
void Put32(std::vector<uint8_t>& out, uint32_t v) {
  Put16(out, v & 0xFFFF);
  Put16(out, v >> 16);
}
uint32_t Get16(const uint8_t* p) { return p[0] | p[1] << 8; }
uint32_t Get32(const uint8_t* p) { return Get16(p) | Get16(p + 2) << 16; }

// .npy version 1.0: magic, version, header length, a Python dict literal padded with spaces to
// a multiple of 64 bytes, then the raw data.
std::vector<uint8_t> MakeNpy(const std::string& descr, const std::vector<int>& shape, const uint8_t* data, size_t size) {
  std::string dims;
  for (int d : shape) dims += std::to_string(d) + ", ";
  if (shape.size() > 1) dims.erase(dims.size() - 2);       // "(2, 3)"
  else if (shape.size() == 1) dims.erase(dims.size() - 1);  // "(3,)"
  std::string header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
  const size_t prefix = 10;
  while ((prefix + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  std::vector<uint8_t> out = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
  Put16(out, static_cast<uint32_t>(header.size()));
  out.insert(out.end(), header.begin(), header.end());
  out.insert(out.end(), data, data + size);
  return out;
}

}  // namespace

uint32_t Crc32(const uint8_t* data, size_t size) {
  static uint32_t table[256];
  static bool ready = false;
  if (!ready) {
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      table[i] = c;
    }
    ready = true;
  }
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < size; ++i) crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

void NpzWriter::AddFloat32(const std::string& name, const std::vector<int>& shape, const float* data) {
  size_t n = 1;
  for (int d : shape) n *= d;
  std::vector<uint8_t> raw(n * 4);
  for (size_t i = 0; i < n; ++i) {  // little-endian whatever the host
    uint32_t bits;
    std::memcpy(&bits, data + i, 4);
    for (int b = 0; b < 4; ++b) raw[i * 4 + b] = (bits >> (8 * b)) & 0xFF;
  }
  entries_.push_back({name, MakeNpy("<f4", shape, raw.data(), raw.size())});
}

void NpzWriter::AddInt64(const std::string& name, int64_t value) {
  uint8_t raw[8];
  for (int b = 0; b < 8; ++b) raw[b] = (static_cast<uint64_t>(value) >> (8 * b)) & 0xFF;
  entries_.push_back({name, MakeNpy("<i8", {}, raw, 8)});
}

void NpzWriter::AddBytes(const std::string& name, const std::string& bytes) {
  entries_.push_back({name, MakeNpy("|S" + std::to_string(bytes.size()), {},
                                    reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size())});
}

// A zip archive with every member stored (method 0): local headers, data, central directory.
std::vector<uint8_t> NpzWriter::Finish() const {
  std::vector<uint8_t> out, central;
  for (const Entry& e : entries_) {
    const std::string file = e.name + ".npy";
    const uint32_t crc = Crc32(e.npy.data(), e.npy.size());
    const uint32_t offset = static_cast<uint32_t>(out.size());
    const uint32_t size = static_cast<uint32_t>(e.npy.size());
    Put32(out, 0x04034b50);  // local file header
    Put16(out, 20);          // version needed
    Put16(out, 0);           // flags
    Put16(out, 0);           // stored
    Put16(out, 0);           // time
    Put16(out, 0x21);        // date: 1980-01-01
    Put32(out, crc);
    Put32(out, size);
    Put32(out, size);
    Put16(out, static_cast<uint32_t>(file.size()));
    Put16(out, 0);
    out.insert(out.end(), file.begin(), file.end());
    out.insert(out.end(), e.npy.begin(), e.npy.end());

    Put32(central, 0x02014b50);  // central directory header
    Put16(central, 20);
    Put16(central, 20);
    Put16(central, 0);
    Put16(central, 0);
    Put16(central, 0);
    Put16(central, 0x21);
    Put32(central, crc);
    Put32(central, size);
    Put32(central, size);
    Put16(central, static_cast<uint32_t>(file.size()));
    Put16(central, 0);
    Put16(central, 0);
    Put16(central, 0);
    Put16(central, 0);
    Put32(central, 0);
    Put32(central, offset);
    central.insert(central.end(), file.begin(), file.end());
  }
  const uint32_t central_offset = static_cast<uint32_t>(out.size());
  out.insert(out.end(), central.begin(), central.end());
  Put32(out, 0x06054b50);  // end of central directory
  Put16(out, 0);
  Put16(out, 0);
  Put16(out, static_cast<uint32_t>(entries_.size()));
  Put16(out, static_cast<uint32_t>(entries_.size()));
  Put32(out, static_cast<uint32_t>(central.size()));
  Put32(out, central_offset);
  Put16(out, 0);
  return out;
}

Result<std::map<std::string, NpyArray>> ReadNpz(const std::vector<uint8_t>& file) {
  using R = Result<std::map<std::string, NpyArray>>;
  std::map<std::string, NpyArray> out;
  size_t pos = 0;
  while (pos + 30 <= file.size() && Get32(&file[pos]) == 0x04034b50) {
    const uint8_t* h = &file[pos];
    if (Get16(h + 8) != 0) return R::Error("compressed members are not supported");
    const uint32_t crc = Get32(h + 14), size = Get32(h + 18), name_len = Get16(h + 26), extra = Get16(h + 28);
    const size_t data_at = pos + 30 + name_len + extra;
    if (data_at + size > file.size()) return R::Error("truncated zip member");
    std::string name(reinterpret_cast<const char*>(h + 30), name_len);
    const uint8_t* npy = &file[data_at];
    if (Crc32(npy, size) != crc) return R::Error("CRC mismatch in " + name);
    if (size < 10 || std::memcmp(npy, "\x93NUMPY", 6) != 0) return R::Error(name + " is not a .npy array");
    const uint32_t header_len = Get16(npy + 8);
    if (10 + header_len > size) return R::Error(name + ": header runs past the data");
    const std::string header(reinterpret_cast<const char*>(npy + 10), header_len);
    std::smatch m;
    static const std::regex re(R"(\{'descr': '([^']+)', 'fortran_order': False, 'shape': \(([0-9, ]*)\), \})");
    if (!std::regex_search(header, m, re)) return R::Error(name + ": unexpected header " + header);
    NpyArray a;
    a.descr = m[1];
    const std::string dims = m[2];
    for (size_t p = 0; p < dims.size();) {
      size_t q = dims.find(',', p);
      if (q == std::string::npos) q = dims.size();
      const std::string d = dims.substr(p, q - p);
      if (d.find_first_not_of(' ') != std::string::npos) a.shape.push_back(std::stoi(d));
      p = q + 1;
    }
    a.bytes.assign(npy + 10 + header_len, npy + size);
    if (name.size() > 4) name.resize(name.size() - 4);  // drop ".npy"
    out[name] = std::move(a);
    pos = data_at + size;
  }
  if (out.empty()) return R::Error("no arrays found: not an .npz file");
  return out;
}

}  // namespace gradlab
