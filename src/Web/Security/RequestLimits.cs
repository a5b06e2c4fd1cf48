using System.Globalization;
using System.Threading.RateLimiting;
using Haarlem.Initiatives.GraphApi.Security;
using Haarlem.Initiatives.Silo.Configuration;

namespace Haarlem.Initiatives.Web.Security;

/// <summary>
/// Abuse limits: a maximum request body, and rate limits per signed-in person (else per IP
/// address) for writes and per IP address for everything; a client over a limit gets 429 with
/// Retry-After. Keys under <c>Limits:</c> (docs/operations.md); 0 turns a rate limit off.
/// </summary>
public sealed record RequestLimits(long MaxRequestBodyBytes, int WritesPerMinute, int RequestsPerMinute)
{
    public static RequestLimits From(IConfiguration configuration) => new(
        Read(configuration, "Limits:MaxRequestBodyBytes", 64 * 1024, 1024, 16 * 1024 * 1024),
        (int)Read(configuration, "Limits:WritesPerMinute", 120, 0, 1_000_000),
        (int)Read(configuration, "Limits:RequestsPerMinute", 1200, 0, 1_000_000));

    private static long Read(IConfiguration configuration, string key, long fallback, long min, long max)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new HubConfigurationException($"{key} is '{text}', but it must be a whole number from {min} to {max}.");
    }
}

/// <summary>Registers and applies <see cref="RequestLimits"/>.</summary>
public static class RequestLimitsExtensions
{
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        var limits = RequestLimits.From(builder.Configuration);
        builder.Services.AddSingleton(limits);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    $"U doet te veel verzoeken achter elkaar. Probeer het over {seconds} seconden opnieuw. (Too many requests: try again in {seconds} seconds.)",
                    cancellationToken);
            };
            var limiters = new List<PartitionedRateLimiter<HttpContext>>();
            if (limits.RequestsPerMinute > 0)
            {
                limiters.Add(PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    RateLimitPartition.GetFixedWindowLimiter($"ip:{http.Connection.RemoteIpAddress}", _ => Window(limits.RequestsPerMinute))));
            }

            if (limits.WritesPerMinute > 0)
            {
                limiters.Add(PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)
                        ? RateLimitPartition.GetNoLimiter("reads")
                        : RateLimitPartition.GetFixedWindowLimiter(
                            HubClaims.ToActor(http.User) is { } actor ? $"user:{actor.UserId}" : $"ip:{http.Connection.RemoteIpAddress}",
                            _ => Window(limits.WritesPerMinute))));
            }

            if (limiters.Count > 0)
            {
                options.GlobalLimiter = PartitionedRateLimiter.CreateChained([.. limiters]);
            }
        });
        return builder;
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>Refuses a body that says it is larger than the limit (Kestrel also stops one that grows past it).</summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limits = context.RequestServices.GetRequiredService<RequestLimits>();
        if (context.Request.ContentLength > limits.MaxRequestBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                $"Het verzoek is te groot: hoogstens {limits.MaxRequestBodyBytes} bytes. (The request body can be at most {limits.MaxRequestBodyBytes} bytes.)");
            return;
        }

        await next(context);
    });
}
