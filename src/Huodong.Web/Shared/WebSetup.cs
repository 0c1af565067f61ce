using System.Globalization;
using System.Text.Json.Serialization;
using Huodong.Web.Approval;
using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Planning;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Shared;

/// <summary>Cross-cutting set-up: JSON, problem details, localisation, health, OpenAPI, pages.</summary>
public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];
    public const string CultureCookie = ".Huodong.Culture";

    public static void AddWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.MaxDepth = 32;
            o.SerializerOptions.Converters.Add(new SafeStringConverter()); // no NUL, no megabyte strings (S1.1)
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Titles for problems the framework writes itself (401, 403, 404, 405 …), in the request's language.
            var l = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var status = ctx.ProblemDetails.Status ?? 500;
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
            {
                ctx.ProblemDetails.Title = l[DefaultTitle(status)];
                ctx.ProblemDetails.Extensions["code"] = DefaultCode(status);
            }
        });
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.FallBackToParentCultures = true;
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = CultureCookie },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        services.AddRazorPages(o => o.RootDirectory = "/")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Huodong API";
            doc.Info.Description = "Plan, approve and run community activities as the regulation demands. "
                + "Sign in with POST /api/auth/login and send Authorization: Bearer <accessToken>. "
                + "Every POST/PUT/DELETE accepts an Idempotency-Key header.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddExceptionHandler<DatabaseOutageHandler>();
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddAuthorization(o => o.AddAuditPolicies());

        services.AddScoped<AuditLog>();
        services.AddScoped<ActivityStore>();
        services.AddScoped<ActivityQueries>();
        services.AddScoped<PlanUseCases>();
        services.AddScoped<ReviewPlan>();
    }

    private static string DefaultTitle(int status) => status switch
    {
        400 => "The request is not valid.",
        401 => "Sign in first.",
        403 => "You are not allowed to do this.",
        404 => "Not found.",
        405 => "This method is not allowed here.",
        409 => "The request conflicts with the current state.",
        413 => "The request body is too large.",
        415 => "Send a JSON body with Content-Type application/json.",
        429 => "Too many requests; try again later.",
        503 => "The service is temporarily unavailable.",
        _ => "An unexpected error occurred.",
    };

    private static string DefaultCode(int status) => status switch
    {
        400 => "bad-request", 401 => "unauthorized", 403 => "forbidden", 404 => "not-found", 405 => "method-not-allowed",
        409 => "conflict", 413 => "too-large", 415 => "unsupported-media-type", 429 => "rate-limited", 503 => "unavailable", _ => "error",
    };
}

/// <summary><c>GET /healthz</c>: 200 when the database answers, 503 "Unhealthy: database unreachable" when it does not.</summary>
public sealed class DatabaseHealthCheck(HuodongDb db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct)
                ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
                : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("database unreachable");
        }
        catch (Exception ex)
        {
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
