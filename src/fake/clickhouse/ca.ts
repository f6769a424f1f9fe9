// A self-signed CA certificate the ClickHouse fake serves from /caCertificates (generated once for the fake; its key was discarded).
export const FAKE_CA_PEM = `-----BEGIN CERTIFICATE-----
MIIB2DCCAX2gAwIBAgIUHWk14Zhzt6JmddVP84ijaZ4gGpQwCgYIKoZIzj0EAwIw
QTETMBEGA1UECgwKcGd0dWkgZmFrZTEqMCgGA1UEAwwhQ2xpY2tIb3VzZSBDbG91
ZCBQb3N0Z3JlcyBmYWtlIENBMB4XDTI2MTEyMjE0Mzk0OVoXDTM2MTExOTE0Mzk0
OVowQTETMBEGA1UECgwKcGd0dWkgZmFrZTEqMCgGA1UEAwwhQ2xpY2tIb3VzZSBD
bG91ZCBQb3N0Z3JlcyBmYWtlIENBMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE
1Hx5Unj7TusMnvXms+YUofueH7xcDHV2cRCZV6VYj9qHJHfwwsIdb+sDP2Dz/Iau
i3tygOU1MlNQljIeVZAjb6NTMFEwHQYDVR0OBBYEFPI6ijhNpA/Rjz81SxN4yhS2
mqBqMB8GA1UdIwQYMBaAFPI6ijhNpA/Rjz81SxN4yhS2mqBqMA8GA1UdEwEB/wQF
MAMBAf8wCgYIKoZIzj0EAwIDSQAwRgIhANrcCyLfdek5+c1a2YX3j7neExqMSNj6
RQQExAALi/f/AiEAtWgdb0CEA9EuuztY0bVCIu5cOhDfjqWlYatoDjW/HaM=
-----END CERTIFICATE-----
`;

export const CA_RESPONSE = {
  status: 200,
  raw: FAKE_CA_PEM,
  contentType: 'application/x-pem-file',
  headers: { 'Content-Disposition': 'attachment; filename="postgres-ca-certificate.pem"' },
};
