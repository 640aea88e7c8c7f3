#pragma once

#include <string>

namespace rx::test {

struct TlsFiles {
  std::string certificate;  // PEM
  std::string key;          // PEM, unencrypted
};

// A fresh self-signed certificate for 127.0.0.1 (an EC P-256 key, valid for a day) written into
// `folder`, for serving HTTPS in a test.
TlsFiles write_self_signed_certificate(const std::string& folder);

}  // namespace rx::test
