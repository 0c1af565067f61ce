namespace Huodong.Web.Participation;

public static class ParticipationSetup
{
    public static void AddParticipation(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<RegisterMember>();
        s.AddScoped<CancelRegistration>();
        s.AddScoped<RegistrationQueries>();
        s.AddScoped<SubmitEntry>();
        s.AddScoped<DecideSubmission>();
        s.AddScoped<Discussion>();
        s.AddScoped<InteractionQueries>();
        s.AddScoped<Inbox>();
        s.AddScoped<Pages.ActivityParticipation>();
    }

    public static void MapParticipation(this IEndpointRouteBuilder app)
    {
        app.MapParticipationApi();
        app.MapInteractionApi();
        app.MapMeApi();
    }
}
