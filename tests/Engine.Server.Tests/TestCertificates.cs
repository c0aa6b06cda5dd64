using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Engine.Server.Tests;

/// <summary>Self-signed certificates for the TLS tests, written where the server can load them.</summary>
internal static class TestCertificates
{
    public const string Password = "test";

    /// <summary>A new certificate for 127.0.0.1 and its PKCS#12 file (password <see cref="Password"/>), which the caller deletes.</summary>
    public static (X509Certificate2 Certificate, string Path) SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"engine-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return (certificate, path);
    }
}
