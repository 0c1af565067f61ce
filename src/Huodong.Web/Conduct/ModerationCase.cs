using Huodong.Web.Shared;

namespace Huodong.Web.Conduct;

/// <summary><see cref="Registration"/>: a detection about one registration (burst, shared device, impersonation).</summary>
public enum CaseSubject { Comment, Submission, Member, Nickname, Registration }
public enum CaseSource { Filter, Report }
public enum CaseStatus { Open, Decided, Appealed, Closed }
public enum CaseDecision { Dismiss, RemoveContent, Warn, DeductPoints, Disqualify, Suspend, Ban }

/// <summary>
/// A moderation case (M3): something the filter flagged or held, or that members reported, about one member. One
/// open case per subject: further reports merge into it. A decision may be appealed once by the member; the appeal
/// is decided by another moderator and closes the case.
/// </summary>
public class ModerationCase
{
    public const int MaxEvidence = 10_000;
    public const int MaxNote = 1000;
    private ModerationCase() { }

    public ModerationCase(CaseSubject subject, Guid subjectId, Guid memberId, Guid? activityId, ConductCategory category,
        CaseSource source, string evidence, string rule, bool held, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        Subject = subject;
        SubjectId = subjectId;
        MemberId = memberId;
        ActivityId = activityId;
        Category = category;
        Source = source;
        Evidence = evidence.Length > MaxEvidence ? evidence[..MaxEvidence] : evidence;
        Rule = rule;
        ContentHeld = held;
        BaseSeverity = SeverityOf(category);
        OpenedAt = at;
    }

    public Guid Id { get; private set; }
    public CaseSubject Subject { get; private set; }
    public Guid SubjectId { get; private set; }
    /// <summary>The member the case is about.</summary>
    public Guid MemberId { get; private set; }
    public Guid? ActivityId { get; private set; }
    public ConductCategory Category { get; private set; }
    public CaseSource Source { get; private set; }
    public CaseStatus Status { get; private set; }
    /// <summary>What the member wrote, as it was when the case opened (held text is kept here too).</summary>
    public string Evidence { get; private set; } = "";
    /// <summary>What opened it: a filter rule (term, link, phone, flood-rate, flood-repeat) or "report".</summary>
    public string Rule { get; private set; } = "";
    public bool ContentHeld { get; private set; }
    public int BaseSeverity { get; private set; }
    public int ReporterCount { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }

    public CaseDecision? Decision { get; private set; }
    public string? Note { get; private set; }
    public int? Days { get; private set; }
    public int? Points { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public string? AppealReason { get; private set; }
    public DateTimeOffset? AppealedAt { get; private set; }
    public bool? AppealUpheld { get; private set; }
    public string? AppealNote { get; private set; }
    public Guid? AppealDecidedBy { get; private set; }
    public DateTimeOffset? AppealDecidedAt { get; private set; }
    public int Revision { get; private set; }

    /// <summary>Plagiarism: the earlier submission this one matches, and the estimated similarity (0–1).</summary>
    public Guid? MatchedId { get; private set; }
    public double? Similarity { get; private set; }

    public ModerationCase Matching(Guid matchedId, double similarity)
    {
        MatchedId = matchedId;
        Similarity = Math.Round(similarity, 3);
        return this;
    }

    /// <summary>
    /// Queue order: the category's weight, raised by up to two as more members report it (one at 2 reporters, two at
    /// 4). One expression, so the database orders the queue by the same rule the property states.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<ModerationCase, int>> SeverityRule =
        c => c.BaseSeverity + (c.ReporterCount >= 4 ? 2 : c.ReporterCount >= 2 ? 1 : 0);

    private static readonly Func<ModerationCase, int> SeverityOfCase = SeverityRule.Compile();

    public int Severity => SeverityOfCase(this);

    public static int SeverityOf(ConductCategory c) => c switch
    {
        ConductCategory.Illegal => 5,
        ConductCategory.Abuse or ConductCategory.Discrimination or ConductCategory.Cheating => 4,
        ConductCategory.Advertising => 3,
        ConductCategory.Flooding => 2,
        _ => 1,
    };

    /// <summary>A newer version of the subject (a nickname typed again) replaces the evidence of the open case.</summary>
    public void Resubmit(string evidence, ConductCategory category, string rule, bool held)
    {
        Evidence = evidence.Length > MaxEvidence ? evidence[..MaxEvidence] : evidence;
        Category = category;
        BaseSeverity = Math.Max(BaseSeverity, SeverityOf(category));
        Rule = rule;
        ContentHeld = held;
        Revision++;
    }

    public Result Decide(CaseDecision decision, Guid moderator, string? note, int? days, int? points, DateTimeOffset at)
    {
        if (Status != CaseStatus.Open) return ConductErrors.CaseNotOpen;
        Decision = decision;
        Note = note;
        Days = days;
        Points = points;
        DecidedBy = moderator;
        DecidedAt = at;
        // A dismissal leaves nothing to appeal.
        Status = decision == CaseDecision.Dismiss ? CaseStatus.Closed : CaseStatus.Decided;
        Revision++;
        return Result.Ok;
    }

    public Result Appeal(Guid member, string reason, DateTimeOffset at)
    {
        if (member != MemberId) return ConductErrors.CaseNotFound;
        if (AppealedAt is not null) return ConductErrors.AlreadyAppealed;
        if (Status != CaseStatus.Decided) return ConductErrors.NothingToAppeal;
        AppealReason = reason;
        AppealedAt = at;
        Status = CaseStatus.Appealed;
        Revision++;
        return Result.Ok;
    }

    /// <summary>Segregation of duties: whoever made the decision does not judge the appeal against it.</summary>
    public Result DecideAppeal(bool uphold, Guid moderator, string? note, DateTimeOffset at)
    {
        if (Status != CaseStatus.Appealed) return ConductErrors.CaseNotOpen;
        if (moderator == DecidedBy) return ConductErrors.AppealSameModerator;
        AppealUpheld = uphold;
        AppealNote = note;
        AppealDecidedBy = moderator;
        AppealDecidedAt = at;
        Status = CaseStatus.Closed;
        Revision++;
        return Result.Ok;
    }
}

/// <summary>One member's report on a case's subject; the key lets each member report a subject once per case.</summary>
public class CaseReport
{
    public const int MaxReason = 500;
    private CaseReport() { }

    public CaseReport(Guid caseId, Guid reporterId, string reason, DateTimeOffset at)
    {
        CaseId = caseId;
        ReporterId = reporterId;
        Reason = reason;
        At = at;
    }

    public Guid CaseId { get; private set; }
    public Guid ReporterId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
