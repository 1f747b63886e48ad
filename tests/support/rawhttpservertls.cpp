// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "rawhttpservertls.h"

#include <QSslCertificate>
#include <QSslKey>

namespace TestSupport {

namespace {

// Made once with: openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes
//   -days 36500 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1
// A test-only key: it protects nothing.
constexpr char CertificatePem[] = R"(-----BEGIN CERTIFICATE-----
MIIBkTCCATagAwIBAgIUKEWojHnOoW4/z8KqPFJNhmpz1PEwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyODAxMTMwNFoYDzIxMjYxMTA0
MDExMzA0WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAQ3u7gZJuG/hd5oGYLeEGn3AWFAf0akNe08y4nqguk2NC0wXO9/K0jH
rOJH8GydaMuO8tXqbHao+XQU8RPF9iwWo2QwYjAdBgNVHQ4EFgQUDh/SUQqEk0KA
XKzA+dows3HsLVswHwYDVR0jBBgwFoAUDh/SUQqEk0KAXKzA+dows3HsLVswDwYD
VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0kAMEYC
IQD+hm+4PjaaQPJu8+T7TBjVjwTjcGIMjhslprwYgU4whAIhAIwgEd6L26bttcEv
s17OYx+Z2rO00/TdAOdY42EB0m9I
-----END CERTIFICATE-----
)";

constexpr char KeyPem[] = R"(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgEP0JLdeblHLNnSyN
TKuwGNfk9YLWCJXDVE7kkCOIQNGhRANCAAQ3u7gZJuG/hd5oGYLeEGn3AWFAf0ak
Ne08y4nqguk2NC0wXO9/K0jHrOJH8GydaMuO8tXqbHao+XQU8RPF9iwW
-----END PRIVATE KEY-----
)";

} // namespace

QSslConfiguration selfSignedServerConfiguration()
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(QSslCertificate(QByteArray(CertificatePem), QSsl::Pem));
    config.setPrivateKey(QSslKey(QByteArray(KeyPem), QSsl::Ec, QSsl::Pem));
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    return config;
}

} // namespace TestSupport
