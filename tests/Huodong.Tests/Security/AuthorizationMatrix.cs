using static Huodong.Tests.Security.Who;

namespace Huodong.Tests.Security;

/// <summary>The kinds of caller every route is tried with (see <see cref="DemoResources.Account"/> for the accounts).</summary>
public enum Who
{
    /// <summary>No token.</summary>
    Anonymous,
    /// <summary>A demo member with no part in anything: no registration, award, case, feedback or survey answer.</summary>
    Member,
    /// <summary>The member the resource is about: registered in the activity, the award's winner, the case's member, the thread's author.</summary>
    Participant,
    /// <summary>planner2@: a Planner, on another activity's team but not this one's.</summary>
    Planner,
    /// <summary>planner@: a Planner on the activity's own team.</summary>
    Team,
    CommunityHead,
    Leader,
    Moderator,
    Finance,
    Admin,
}

/// <summary>Which demo activity a route's <c>{id}</c> is (other resources are fixed, see <see cref="DemoResources"/>).</summary>
public enum Stage { Draft, HeadReview, LeaderReview, Approved, Live, Ended, Closed, ReadinessCheck }

/// <summary>Who passes authorization on a route, and on which demo activity it is tried.</summary>
public sealed record Access(Who[] Allowed, Stage Stage, bool RefusesBadCredentials = false, string? Body = null, bool Upload = false)
{
    public bool Allows(Who who) => Allowed.Contains(who);

    /// <summary>Tried on the demo activity in <paramref name="stage"/> (Live unless told).</summary>
    public Access On(Stage stage) => this with { Stage = stage };

    /// <summary>The route answers 401 to wrong credentials, which is its business and not a refusal to an allowed caller.</summary>
    public Access CredentialsChecked() => this with { RefusesBadCredentials = true };

    /// <summary>
    /// Sends this JSON instead of <c>{}</c>, for routes that check the body's shape before who is asking: with
    /// <c>{}</c> every caller would get 400 and the check would prove nothing. <c>{param}</c> is filled like the route's.
    /// </summary>
    public Access Sending(string json) => this with { Body = json };

    /// <summary>Sends a small PNG as multipart <c>file</c> (upload routes read the file before anything else).</summary>
    public Access Uploading() => this with { Upload = true };

    /// <summary>Also tried on the demo activity in <paramref name="stage"/>, where only <paramref name="who"/> pass.</summary>
    public Access AndOn(Stage stage, params Who[] who) =>
        this with { Also = Also?.AndOn(stage, who) ?? new Access(who, stage) { Body = Body, Upload = Upload } };

    public Access? Also { get; init; }

    public IEnumerable<Access> Variants() => Also is null ? [this] : [this, .. Also.Variants()];

    public override string ToString() =>
        (Allowed.Length == 0 ? "Nobody" : Allowed.Length == Enum.GetValues<Who>().Length ? "Anyone" : $"Allow({string.Join(", ", Allowed)})")
        + (Stage == Stage.Live ? "" : $" on {Stage}");
}

/// <summary>
/// The authorization matrix (ASVS V8): one line per "METHOD /pattern" of the API, saying who passes authorization.
/// Everyone else must get 401, 403 or 404. Add a line for every new route (the test names the line to add); a
/// comment says why where the access is not obvious from API.md.
/// </summary>
public static class AuthorizationMatrix
{
    private static Access Allow(params Who[] who) => new(who, Stage.Live);

    /// <summary>Routes after which the caller's token is refused: the test calls them last.</summary>
    public static readonly IReadOnlySet<string> EndsTheSession = new HashSet<string> { "POST /api/me/sessions/revoke" };

    private static readonly Who[] Members = [Member, Participant];
    private static readonly Who[] StaffRoles = [Planner, Team, CommunityHead, Leader, Moderator, Finance, Admin];
    private static readonly Who[] SignedInCallers = [.. Members, .. StaffRoles];
    private static Access Anyone => Allow([Anonymous, .. SignedInCallers]);
    private static Access SignedIn => Allow(SignedInCallers);
    private static Access Staff => Allow(StaffRoles);
    private static Access Nobody => Allow();

    public static readonly IReadOnlyDictionary<string, Access> Routes = new Dictionary<string, Access>
    {
        // Identity's endpoints (API.md: sign-in for scripts).
        // Identity reads its bodies before anything else (a missing or null field is a 400): these send the right shape.
        ["POST /api/auth/register"] = Anyone.Sending("""{"email":"not-an-email","password":"x"}"""),
        ["POST /api/auth/login"] = Anyone.CredentialsChecked().Sending("""{"email":"nobody@demo.huodong","password":"wrong"}"""),
        ["POST /api/auth/refresh"] = Anyone.CredentialsChecked().Sending("""{"refreshToken":"not-a-token"}"""),
        ["GET /api/auth/confirmEmail"] = Anyone.CredentialsChecked(),
        ["POST /api/auth/resendConfirmationEmail"] = Anyone.Sending("""{"email":"nobody@demo.huodong"}"""),
        ["POST /api/auth/forgotPassword"] = Anyone.Sending("""{"email":"nobody@demo.huodong"}"""),
        ["POST /api/auth/resetPassword"] = Anyone.Sending("""{"email":"nobody@demo.huodong","resetCode":"x","newPassword":"x"}"""),
        ["GET /api/auth/manage/info"] = SignedIn,
        ["POST /api/auth/manage/info"] = SignedIn,
        ["POST /api/auth/manage/2fa"] = SignedIn,

        // Planning and approval (P, A; S2.2: plan internals for the team and the reviewers).
        ["GET /api/activities"] = Anyone, // members and visitors see published ones only
        ["POST /api/activities"] = Allow(Planner, Team),
        // A draft: its team and the head. Under review: also the other staff (API.md "staff"), not another team's planner.
        ["GET /api/activities/{id}"] = Anyone.AndOn(Stage.Draft, Team, CommunityHead)
            .AndOn(Stage.HeadReview, Team, CommunityHead, Moderator, Finance, Admin),
        ["PUT /api/activities/{id}"] = Allow(Team).On(Stage.Draft),
        ["POST /api/activities/{id}/submit"] = Allow(Team).On(Stage.Draft),
        ["POST /api/activities/{id}/amendments"] = Allow(Team).On(Stage.Approved),
        ["POST /api/activities/{id}/cancel"] = Allow(Team, Leader).On(Stage.Approved),
        ["GET /api/activities/{id}/history"] = Allow(Team, CommunityHead, Leader, Admin).AndOn(Stage.HeadReview, Team, CommunityHead, Admin), // the leader once it reaches them
        ["GET /api/activities/{id}/versions/{number}"] = Allow(Team, CommunityHead, Leader, Admin),
        ["GET /api/activities/{id}/reviews"] = Allow(Team, CommunityHead, Leader, Admin),
        ["POST /api/activities/{id}/reviews"] = Allow(CommunityHead).On(Stage.HeadReview).Sending(Verdict), // the head at HeadReview, never the team

        // Participation (M; S1.3: registrations for the team and moderators).
        ["POST /api/activities/{id}/registrations"] = Allow(Members).On(Stage.Approved).AndOn(Stage.Draft),
        ["GET /api/activities/{id}/registrations"] = Allow(Team, Moderator),
        ["GET /api/activities/{id}/registrations/export.csv"] = Allow(Team, Moderator),
        ["GET /api/activities/{id}/registrations/me"] = Allow(Members), // a member not registered gets 404
        ["DELETE /api/activities/{id}/registrations/me"] = Allow(Members),
        ["GET /api/activities/{id}/eligibility"] = SignedIn.On(Stage.Approved).AndOn(Stage.Draft), // nobody is eligible for a draft
        ["POST /api/activities/{id}/submissions"] = Allow(Members).AndOn(Stage.Draft), // being registered is a business rule (422), not authorization
        ["GET /api/activities/{id}/submissions"] = Allow(Team, CommunityHead, Moderator, Admin),
        ["POST /api/submissions/{sid}/decision"] = Allow(Team, Moderator).Sending("""{"decision":"reject","reason":"authorization matrix"}"""),
        ["POST /api/activities/{id}/comments"] = SignedIn.AndOn(Stage.Draft), // API.md: members and staff; no discussion of a draft
        ["GET /api/activities/{id}/comments"] = Anyone.AndOn(Stage.Draft, Team, CommunityHead), // a published activity's thread is public
        ["GET /api/activities/{id}/questions/unanswered"] = Allow(Team, CommunityHead, Moderator, Admin),
        ["GET /api/activities/{id}/counts"] = Allow(Team, CommunityHead, Moderator, Admin),
        ["GET /api/activities/{id}/tasks/me"] = SignedIn.AndOn(Stage.Draft, Team, CommunityHead),
        ["POST /api/comments/{cid}/like"] = SignedIn,
        ["DELETE /api/comments/{cid}/like"] = SignedIn,
        ["GET /api/me/activities"] = SignedIn,
        ["GET /api/me/notifications"] = SignedIn,
        ["POST /api/me/notifications/read-all"] = SignedIn,
        ["POST /api/me/notifications/{nid}/read"] = Allow(Participant), // one's own notification only: someone else's is 404
        ["GET /api/me/profile"] = SignedIn,
        ["PUT /api/me/profile"] = SignedIn,
        ["GET /api/me/data"] = Allow(Members), // PIPL rights are members'; staff accounts are not self-served
        ["DELETE /api/me"] = Allow(Members),
        ["POST /api/me/sessions/revoke"] = SignedIn, // sign-out everywhere: one's own sessions only

        // Preparation (E1): staff who may see the activity read it (moderators need to know who is on watch); only the team changes it.
        ["GET /api/activities/{id}/duties"] = Staff.On(Stage.Approved),
        ["POST /api/activities/{id}/duties"] = Allow(Team).On(Stage.Approved),
        ["POST /api/activities/{id}/duties/defaults"] = Allow(Team).On(Stage.Approved),
        ["PUT /api/duties/{dutyId}"] = Allow(Team),
        ["DELETE /api/duties/{dutyId}"] = Allow(Team),
        ["GET /api/activities/{id}/materials"] = Staff.On(Stage.Approved),
        ["POST /api/activities/{id}/materials"] = Allow(Team).On(Stage.Approved),
        ["PUT /api/materials/{materialId}"] = Allow(Team),
        ["DELETE /api/materials/{materialId}"] = Allow(Team),
        ["GET /api/activities/{id}/readiness-checks"] = Staff.On(Stage.Approved),
        ["POST /api/activities/{id}/readiness-checks"] = Allow(Team).On(Stage.Approved),
        ["PUT /api/activities/{id}/readiness-checks/{checkId}/items/{key}"] = Allow(Team),
        ["GET /api/activities/{id}/readiness"] = Staff.On(Stage.Approved),
        ["POST /api/activities/{id}/launch"] = Allow(Team).On(Stage.Approved),
        ["POST /api/activities/{id}/promotions"] = Allow(Team).On(Stage.Approved),
        ["GET /api/activities/{id}/promotions"] = Allow(Team, CommunityHead, Leader, Moderator, Admin).On(Stage.Approved),
        ["GET /api/announcements"] = Anyone,

        // Live operations (E2).
        ["GET /api/activities/{id}/monitor"] = Allow(Team, Moderator),
        ["POST /api/activities/{id}/pause"] = Allow(Team, Moderator),
        ["POST /api/activities/{id}/resume"] = Allow(Team, Moderator),
        ["GET /api/activities/{id}/incidents"] = Allow(Team, CommunityHead, Moderator),
        ["POST /api/activities/{id}/incidents"] = Allow(Team, CommunityHead, Moderator),
        ["GET /api/incidents/{id}"] = Allow(Team, CommunityHead, Moderator),
        ["POST /api/incidents/{id}/assign"] = Allow(Team, CommunityHead, Moderator),
        ["POST /api/incidents/{id}/acknowledge"] = Allow(Team, CommunityHead, Moderator),
        ["POST /api/incidents/{id}/comment"] = Allow(Team, CommunityHead, Moderator),
        ["POST /api/incidents/{id}/resolve"] = Allow(Team, CommunityHead, Moderator),

        // Results and rewards (E3; DRAW.md: draws and results are public and verifiable).
        ["GET /api/activities/{id}/results"] = Anyone.On(Stage.Closed).AndOn(Stage.Draft), // nothing to see before publication
        ["POST /api/activities/{id}/results/publish"] = Allow(Team).On(Stage.Ended),
        ["GET /api/activities/{id}/ranking"] = Allow(Team, CommunityHead).On(Stage.Closed),
        ["GET /api/activities/{id}/awards"] = Anyone.On(Stage.Closed).AndOn(Stage.Draft), // public once results are out; delivery details only for the team and the winner (AwardQueries.View)
        ["POST /api/activities/{id}/coupons"] = Allow(Team).On(Stage.Ended),
        ["POST /api/activities/{id}/close"] = Allow(Team).On(Stage.Ended),
        ["POST /api/submissions/{id}/scores"] = Allow(Team, CommunityHead),
        ["POST /api/activities/{id}/draws"] = Allow(Team).On(Stage.Ended),
        ["GET /api/activities/{id}/draws"] = Anyone.On(Stage.Closed).AndOn(Stage.Draft, Team, CommunityHead),
        ["GET /api/draws/{id}"] = Anyone,
        ["POST /api/draws/{id}/reveal"] = Allow(Team),
        ["POST /api/draws/{id}/redraw"] = Allow(Team),
        ["POST /api/draws/{id}/awards"] = Allow(Team),
        ["POST /api/awards/{id}/deliver"] = Allow(Team),
        ["POST /api/awards/{id}/void"] = Allow(Team),
        ["POST /api/awards/{id}/confirm"] = Allow(Participant), // the winner
        ["PUT /api/awards/{id}/address"] = Allow(Participant), // the winner
        ["GET /api/me/awards"] = SignedIn,

        // Conduct (M3).
        ["GET /api/conduct/terms"] = Allow(Moderator, Admin),
        ["POST /api/conduct/terms"] = Allow(Moderator, Admin),
        ["DELETE /api/conduct/terms/{id}"] = Allow(Moderator, Admin),
        ["POST /api/reports"] = SignedIn,
        ["GET /api/moderation/cases"] = Allow(Moderator, Admin),
        ["GET /api/moderation/cases/{id}"] = Allow(Participant, Moderator, Admin), // the member the case is about sees it
        ["POST /api/moderation/cases/{id}/decision"] = Allow(Moderator, Admin),
        ["POST /api/moderation/cases/{id}/appeal"] = Allow(Participant).Sending("""{"reason":"authorization matrix"}"""),
        ["POST /api/activities/{id}/conduct/scan"] = Allow(Moderator, Admin),
        ["GET /api/me/cases"] = SignedIn,

        // Budget (B): the team spends; Finance decides and pays; the leader sees across activities.
        ["GET /api/activities/{id}/budget"] = Allow(Team, CommunityHead, Leader, Finance, Admin).On(Stage.Ended),
        ["POST /api/activities/{id}/budget/adjustments"] = Allow(Team).On(Stage.Ended),
        ["POST /api/budget-adjustments/{id}/decision"] = Allow(Leader).Sending("""{"decision":"reject","reason":"authorization matrix"}"""),
        ["POST /api/activities/{id}/expenses"] = Allow(Team).On(Stage.Ended),
        ["GET /api/activities/{id}/expenses"] = Allow(Team, CommunityHead, Leader, Finance, Admin).On(Stage.Ended),
        ["GET /api/activities/{id}/settlement"] = Allow(Team, CommunityHead, Leader, Finance, Admin).On(Stage.Ended),
        ["POST /api/activities/{id}/settlement"] = Allow(Team).On(Stage.Ended),
        ["GET /api/activities/{id}/settlement/export.csv"] = Allow(Team, CommunityHead, Leader, Finance, Admin).On(Stage.Closed),
        ["GET /api/activities/{id}/settlement/export.xlsx"] = Allow(Team, CommunityHead, Leader, Finance, Admin).On(Stage.Closed),
        ["GET /api/expenses"] = Allow(Leader, Finance, Admin),
        ["GET /api/expenses/{id}"] = Allow(Team, CommunityHead, Leader, Finance, Admin),
        ["POST /api/expenses/{id}/vouchers"] = Allow(Team).Uploading(),
        ["GET /api/expenses/{id}/vouchers/{voucherId}"] = Allow(Team, CommunityHead, Leader, Finance, Admin),
        ["POST /api/expenses/{id}/submit"] = Allow(Team),
        ["POST /api/expenses/{id}/decision"] = Allow(Finance).Sending("""{"decision":"reject","reason":"authorization matrix"}"""), // never the submitter
        ["POST /api/expenses/{id}/payment"] = Allow(Finance),

        // Evaluation (V): metrics for those who see internals and Finance.
        ["GET /api/activities/{id}/metrics"] = Allow(Team, CommunityHead, Leader, Finance, Admin),
        ["POST /api/activities/{id}/goals"] = Allow(Team).On(Stage.Ended),
        ["GET /api/activities/{id}/comparison"] = Allow(Team, CommunityHead, Leader, Finance, Admin),
        ["GET /api/overview"] = Allow(Planner, Team, CommunityHead, Leader, Admin),
        ["GET /api/activities/{id}/summary"] = Allow(Team, CommunityHead, Leader, Admin).On(Stage.Closed),
        ["PUT /api/activities/{id}/summary"] = Allow(Team).On(Stage.Ended),
        ["GET /api/activities/{id}/improvements"] = Allow(Team, CommunityHead, Leader, Admin).On(Stage.Closed),
        ["GET /api/activities/{id}/improvements/suggested"] = Allow(Team, CommunityHead, Leader, Admin).On(Stage.Closed),
        ["POST /api/activities/{id}/improvements"] = Allow(Team).On(Stage.Closed),
        ["GET /api/improvements"] = Staff, // every staff member reads the actions across activities: they are how the community learns
        ["GET /api/improvements/{id}"] = Staff,
        ["PUT /api/improvements/{id}"] = Allow(Team, CommunityHead), // its owner, the source team or the head
        ["POST /api/improvements/{id}/verdict"] = Staff.Sending("""{"verdict":"TooEarly","note":"authorization matrix"}"""), // V3.3: any staff member
        ["POST /api/improvements/{id}/apply"] = Allow(Team).Sending("""{"activityId":"{activityId}"}"""), // the team of the plan it is applied to
        ["DELETE /api/improvements/{id}/apply/{activityId}"] = Allow(Team),
        ["POST /api/surveys"] = Allow(Planner, Team, CommunityHead, Admin).Sending(Survey), // a survey of no activity: planners, the head, admins
        ["GET /api/surveys"] = Staff,
        ["GET /api/surveys/{id}"] = SignedIn, // an open survey of a published activity: members read it to answer
        ["PUT /api/surveys/{id}"] = Allow(Team, CommunityHead, Admin),
        ["POST /api/surveys/{id}/open"] = Allow(Team, CommunityHead, Admin),
        ["POST /api/surveys/{id}/close"] = Allow(Team, CommunityHead, Admin),
        ["POST /api/surveys/{id}/responses"] = Allow(Members), // only members answer; being in the audience is a business rule (422)
        ["GET /api/surveys/{id}/results"] = Allow(Team, CommunityHead, Admin),
        ["GET /api/surveys/{id}/export"] = Allow(Team, CommunityHead, Admin),
        ["GET /api/activities/{id}/surveys"] = Anyone.On(Stage.Closed).AndOn(Stage.Draft, Team, CommunityHead), // the published surveys of a published activity
        ["GET /api/me/surveys"] = SignedIn,
        ["POST /api/activities/{id}/feedback"] = Allow(Members).On(Stage.Closed).AndOn(Stage.Draft),
        ["GET /api/activities/{id}/feedback"] = Allow(Team, CommunityHead, Admin).On(Stage.Closed),
        ["GET /api/feedback"] = Staff, // each sees the threads of their own teams' activities; the head and admins all
        ["GET /api/feedback/{threadId}"] = Allow(Participant, Team, CommunityHead, Admin), // the member who wrote it and those who manage the activity
        ["POST /api/feedback/{threadId}/replies"] = Allow(Participant, Team, CommunityHead, Admin),
        ["GET /api/me/feedback"] = SignedIn,

        // Security (S2.1 agreements and training, S1.3 reveal).
        ["GET /api/me/compliance"] = SignedIn,
        ["GET /api/compliance/agreements/current"] = Staff, // the staff agreement (S2.1) is for staff: members were shown it until the matrix found it
        ["POST /api/compliance/agreements"] = Allow(Admin),
        ["POST /api/compliance/agreements/current/sign"] = Staff,
        ["POST /api/compliance/training"] = Allow(Admin),
        // Security alerts (S1.2): the administrators watch and acknowledge them.
        ["GET /api/security/alerts"] = Allow(Admin),
        ["POST /api/security/alerts/{id}/acknowledge"] = Allow(Admin),
        ["POST /api/personal-data/reveal"] = Allow(Team, Moderator).Sending("""{"subjectType":"registration","subjectId":"{registration}","field":"phone","reason":"authorization matrix"}"""),

        // Members and audit.
        ["GET /api/members"] = Allow(Moderator, Admin),
        ["POST /api/members/{id}/points"] = Allow(Moderator, Admin),
        ["PUT /api/members/{id}/suspension"] = Allow(Moderator, Admin),
        ["PUT /api/members/{id}/level"] = Allow(Admin),
        ["GET /api/audit"] = Allow(CommunityHead, Leader, Finance, Admin),
        ["GET /api/audit/verify"] = Allow(CommunityHead, Leader, Finance, Admin),
    };

    /// <summary>A review that returns the plan on its risks: the right shape, so the reviewer check is reached.</summary>
    private const string Verdict = """
        {"decision":"return","comment":"authorization matrix","points":{"theme":{"ok":true},"content":{"ok":true},
         "participation":{"ok":true},"rewards":{"ok":true},"resources":{"ok":true},"risks":{"ok":false,"comment":"authorization matrix"}}}
        """;

    /// <summary>A valid survey of no activity, so the builder check is reached.</summary>
    private const string Survey = """
        {"title":"authorization matrix","purpose":"Other","audience":"AllMembers","anonymous":false,
         "questions":[{"type":"Rating","text":"authorization matrix","required":true}]}
        """;
}
