using Grpc.Core;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Engine.Server.Internal;

/// <summary>
/// Authenticates <c>authorization: Bearer KEY</c> against <see cref="EngineServerOptions.ApiKeys"/>,
/// which holds only each key's SHA-256: the principal is the name the matching hash is configured
/// under. A call without the header gets no identity (and UNAUTHENTICATED where one is required);
/// a wrong key fails.
/// </summary>
internal sealed class BearerKeys(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<EngineServerOptions> engine)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>The principal of calls on a server without keys.</summary>
    public const string Anonymous = "anonymous";

    private readonly (string Principal, byte[] Hash)[] _keys = [.. engine.Value.ApiKeys.Select(k => (k.Key, Convert.FromHexString(k.Value)))];

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("the authorization metadata is not 'Bearer KEY'."));
        }

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(header.AsSpan(7).Trim().ToString()));
        foreach (var (principal, expected) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, principal)], SchemeName);
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
            }
        }

        return Task.FromResult(AuthenticateResult.Fail("the bearer key is not one of the server's keys."));
    }

    /// <summary>The principal a call runs as: its authenticated name, or <see cref="Anonymous"/> on a server without keys.</summary>
    public static string PrincipalOf(ServerCallContext context) =>
        context.GetHttpContext().User.Identity is { IsAuthenticated: true, Name: { } name } ? name : Anonymous;
}
