using Huodong.Web.Approval;
using Huodong.Web.Audit;
using Huodong.Web.Budget;
using Huodong.Web.Conduct;
using Huodong.Web.Data;
using Huodong.Web.Evaluation.Improvement;
using Huodong.Web.Evaluation.Summary;
using Huodong.Web.Evaluation;
using Huodong.Web.Evaluation.Surveys;
using Huodong.Web.Evaluation.Reports;
using Huodong.Web.LiveOps;
using Huodong.Web.Operations;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.People.Accounts;
using Huodong.Web.Security;
using Huodong.Web.Security.Monitoring;
using Huodong.Web.Planning;
using Huodong.Web.Preparation;
using Huodong.Web.Preparation.Promotion;
using Huodong.Web.Scheduling;
using Huodong.Web.Rewards;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.DataProtection;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddData();
builder.AddPeople();
builder.AddSecurity();
builder.AddMonitoring();
builder.AddParticipation();
builder.AddPreparation();
builder.AddPromotion();
builder.AddLiveOps();
builder.AddScheduling();
builder.AddResults();
builder.AddConduct();
builder.AddBudget();
builder.AddSummary();
builder.AddImprovements();
builder.AddEvaluation();
builder.AddSurveys();
builder.AddEvaluationReports();
builder.AddWeb();
builder.AddRateLimits();
builder.AddPages();
builder.AddOperations();
builder.Services.AddDataProtection().SetApplicationName("Huodong").PersistKeysToDbContext<HuodongDb>();

var app = builder.Build();
if (await BackupCommands.TryRunAsync(app.Services, args)) return; // before migrating: a restore needs the database as it is
await app.Services.MigrateAsync();
await app.Services.SealAccountsAsync();
if (await KeyCommands.TryRunAsync(app, args)) return;
if (app.Configuration.GetValue("Demo:Seed", app.Environment.IsDevelopment()))
{
    using var scope = app.Services.CreateScope();
    await scope.ServiceProvider.GetRequiredService<DemoSeed>().RunAsync();
}

app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler().UseStatusCodePages());
app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = "/error/500",
        StatusCodeSelector = e => DatabaseOutage.IsOutage(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
    }).UseStatusCodePagesWithReExecute("/error/{0}"));
app.UseMiddleware<SecurityHeaders>();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection(); // only where an HTTPS endpoint is configured
}
app.UseStaticFiles();
app.UseMiddleware<Huodong.Web.Conduct.Cheating.DeviceCookieMiddleware>();
app.UseRequestLocalization();
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseMiddleware<ApiInputLimits>());
app.UseRouting();
app.UseAuthentication();
app.UseMiddleware<SessionGuard>();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<ActivityErrorCounter>();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions // readiness: the database answers
{
    ResponseWriter = (http, report) => http.Response.WriteAsync(report.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
        ? "Healthy" : $"Unhealthy: {string.Join("; ", report.Entries.Where(e => e.Value.Status != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy).Select(e => $"{e.Key} {e.Value.Description}"))}"),
});
// Liveness: the process serves HTTP, nothing else is checked (load balancers, and the pages benchmark's baseline).
app.MapHealthChecks("/healthz/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
app.MapOpenApi("/openapi/v1.json");
app.MapScalarApiReference("/api-docs", o => o.WithOpenApiRoutePattern("/openapi/v1.json"));
app.MapGroup("/api/auth").WithTags("Auth").AddEndpointFilter<IdentityInputFilter>().AddEndpointFilter<AuthEndpointsFilter>().MapIdentityApi<AppUser>();
app.MapPlanningApi();
app.MapApprovalApi();
app.MapParticipation();
app.MapPreparationApi();
app.MapPromotionApi();
app.MapLiveOpsApi();
app.MapResultsApi();
app.MapConductApi();
app.MapAwardsApi();
app.MapBudgetApi();
app.MapSummaryApi();
app.MapImprovementsApi();
app.MapEvaluationApi();
app.MapSurveysApi();
app.MapEvaluationReports();
app.MapMembersApi();
app.MapAccountApi();
app.MapAuditApi();
app.MapComplianceApi();
app.MapPersonalDataApi();
app.MapSecurityAlertsApi();
app.MapRazorPages();

app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
