using Analytics.Api.Shared.Errors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Analytics.Api.Shared.Auth;

/// <summary>Bearer authentication in standalone or external mode (API.md §2.1, §2.5) with 401 answers as problem+json.</summary>
public static class AuthenticationSetup
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddAnalyticsAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        services.AddSingleton<RevokedAccessList>();
        services.AddHostedService<RevokedAccessListener>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUserAccessor>();
        // Replaceable in tests (a table with one rule removed or widened must make the attack suite fail).
        services.AddSingleton(AccessRules.Production);
        // External mode signs nothing itself, so it needs no configured key (only the login-attempt HMAC uses one).
        services.AddSingleton(sp => SigningKeys.Resolve(
            options.SigningKey,
            sp.GetRequiredService<IHostEnvironment>().IsDevelopment() || options.IsExternal,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Analytics.Auth")));
        services.AddSingleton<SymmetricKeyHmac>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<TokenIssuer>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IServiceProvider>((bearer, sp) => Configure(bearer, options, sp));
        services.AddAuthorization();
        return services;
    }

    private static void Configure(JwtBearerOptions bearer, AuthOptions options, IServiceProvider services)
    {
        bearer.MapInboundClaims = false;
        bearer.RequireHttpsMetadata = false;
        bearer.TimeProvider = services.GetRequiredService<TimeProvider>();
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = ClockSkew,
            NameClaimType = ClaimNames.Subject,
            RoleClaimType = ClaimNames.Roles,
        };
        var claimMap = new ClaimMapOptions();
        if (options.IsExternal)
        {
            var external = options.External;
            claimMap = external.ClaimMap;
            parameters.ValidIssuer = external.Issuer;
            parameters.ValidAudience = external.Audience;
            parameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];
            if (!string.IsNullOrWhiteSpace(external.Authority))
            {
                bearer.Authority = external.Authority;
            }
            else if (!string.IsNullOrWhiteSpace(external.JwksUrl))
            {
                bearer.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                    external.JwksUrl,
                    new JwksRetriever(),
                    new HttpDocumentRetriever(new HttpClient { Timeout = TimeSpan.FromSeconds(5) }) { RequireHttps = false })
                {
                    AutomaticRefreshInterval = TimeSpan.FromHours(1),
                };
            }
            else if (external.SigningKeys.Count > 0)
            {
                var keys = external.SigningKeys.SelectMany(ParseKey).ToArray();
                parameters.IssuerSigningKeys = keys;
                if (keys.OfType<SymmetricSecurityKey>().Any())
                {
                    parameters.ValidAlgorithms = [.. parameters.ValidAlgorithms, SecurityAlgorithms.HmacSha256];
                }
            }
            else
            {
                throw new InvalidOperationException(
                    "Auth:Mode=external needs Auth:External:Authority, Auth:External:JwksUrl or Auth:External:SigningKeys.");
            }
        }
        else
        {
            parameters.ValidIssuer = options.Issuer;
            parameters.ValidAudience = options.Audience;
            parameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            parameters.IssuerSigningKey = services.GetRequiredService<SymmetricSecurityKey>();
        }

        bearer.TokenValidationParameters = parameters;
        bearer.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var mapped = context.Principal is null ? null : ClaimMapper.Map(context.Principal, claimMap);
                if (mapped is null)
                {
                    context.Fail(new SecurityTokenValidationException("The token names no subject."));
                    return Task.CompletedTask;
                }

                var user = CurrentUserAccessor.FromPrincipal(mapped, null);
                var revoked = context.HttpContext.RequestServices.GetRequiredService<RevokedAccessList>();
                if (user is null || revoked.IsRevoked(user.TokenId, user.SessionId))
                {
                    context.Fail(new TokenRevokedException());
                    return Task.CompletedTask;
                }

                context.Principal = mapped;
                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                await ProblemWriter.WriteAsync(context.HttpContext, Classify(context.AuthenticateFailure));
            },
        };
    }

    private static ApiProblemException Classify(Exception? failure) => failure switch
    {
        null => new ApiProblemException(401, "MISSING_TOKEN", "Authentication required",
            "Send an access token in the Authorization header with the Bearer scheme.",
            headers: new Dictionary<string, string> { ["WWW-Authenticate"] = AuthenticateHeader.Basic }),
        SecurityTokenExpiredException => new ApiProblemException(401, "TOKEN_EXPIRED", "Token expired",
            "The access token has expired; refresh it or log in again.",
            headers: new Dictionary<string, string> { ["WWW-Authenticate"] = AuthenticateHeader.InvalidToken("expired") }),
        TokenRevokedException => new ApiProblemException(401, "TOKEN_REVOKED", "Token revoked",
            "The access token has been revoked; log in again.",
            headers: new Dictionary<string, string> { ["WWW-Authenticate"] = AuthenticateHeader.InvalidToken("revoked") }),
        _ => new ApiProblemException(401, "INVALID_TOKEN", "Invalid token", "The access token is not valid.",
            headers: new Dictionary<string, string> { ["WWW-Authenticate"] = AuthenticateHeader.InvalidToken("invalid") }),
    };

    private static IEnumerable<SecurityKey> ParseKey(string configured)
    {
        if (configured.TrimStart().StartsWith('{'))
        {
            return new JsonWebKeySet(configured).GetSigningKeys();
        }

        return [new SymmetricSecurityKey(Convert.FromBase64String(configured))];
    }
}
