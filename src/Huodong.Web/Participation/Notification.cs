using System.Text.Json;

namespace Huodong.Web.Participation;

public enum NotificationKind
{
    RegistrationConfirmed, Waitlisted, Promoted, ActivityChanged, ActivityCancelled, ReplyAccepted, QuestionAnswered,
    TaskConfirmed, TaskRejected, ActivityPaused, ActivityResumed, ActivityLaunched, ActivityEnded, StartsSoon, LaunchHeld,
    ConductWarned, ContentRemoved, PointsDeducted, Disqualified, Suspended, Banned, ContentApproved, AppealUpheld, AppealRejected,
    AwardWon, AwardDelivered, AwardsOverdue, WonAwaitingStock,
    SurveyInvited, FeedbackReplied,
}

/// <summary>
/// A message in a member's in-app inbox. The text is rendered at read time in the reader's language from the
/// kind and its arguments, so a notification written in one culture reads right in the other.
/// </summary>
public class Notification
{
    private Notification() { }

    public Notification(Guid userId, NotificationKind kind, Guid? activityId, string activityTitle, DateTimeOffset at,
        params string[] args)
    {
        Id = Guid.CreateVersion7(at);
        UserId = userId;
        Kind = kind;
        ActivityId = activityId;
        ArgsJson = JsonSerializer.Serialize(args.Prepend(activityTitle).ToArray());
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public Guid? ActivityId { get; private set; }
    /// <summary>The activity's title, then the kind's own arguments.</summary>
    public string ArgsJson { get; private set; } = "[]";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public string[] Args => JsonSerializer.Deserialize<string[]>(ArgsJson) ?? [];

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    /// <summary>The English source text of each kind (the key of the localised string); {0} is the activity's title.</summary>
    public static string TextKey(NotificationKind kind) => kind switch
    {
        NotificationKind.RegistrationConfirmed => "Your registration for {0} is confirmed.",
        NotificationKind.Waitlisted => "{0} is full; you are on the waitlist at position {1}.",
        NotificationKind.Promoted => "A place in {0} became free: your registration is now confirmed.",
        NotificationKind.ActivityChanged => "{0} has changed; please check the new plan.",
        NotificationKind.ActivityCancelled => "{0} was cancelled: {1}",
        NotificationKind.ReplyAccepted => "Your reply in {0} was accepted.",
        NotificationKind.QuestionAnswered => "Staff answered your question in {0}.",
        NotificationKind.TaskConfirmed => "Your task \"{1}\" in {0} was confirmed as done.",
        NotificationKind.TaskRejected => "Your evidence for task \"{1}\" in {0} was not accepted: {2}",
        NotificationKind.ActivityPaused => "{0} is paused for now: {1}",
        NotificationKind.ActivityResumed => "{0} has resumed; you can take part again.",
        NotificationKind.ActivityLaunched => "{0} has started. Its rules, process and cautions are pinned at the top of its page.",
        NotificationKind.ActivityEnded => "{0} has ended. Thank you for taking part; results will be published on its page.",
        NotificationKind.StartsSoon => "Reminder: {0} starts at {1}.",
        NotificationKind.LaunchHeld => "{0} did not start at its planned time: the readiness gate is not met ({1}). The scheduler tries again every few minutes.",
        NotificationKind.ConductWarned => "{0}: a moderator warned you about your conduct. {1}",
        NotificationKind.ContentRemoved => "{0}: a moderator removed your content. {1}",
        NotificationKind.PointsDeducted => "{0}: a moderator deducted {2} points for your conduct. {1}",
        NotificationKind.Disqualified => "{0}: you are disqualified from the activity. {1}",
        NotificationKind.Suspended => "{0}: your account is suspended for {2} days for your conduct. {1}",
        NotificationKind.Banned => "{0}: your account is banned for your conduct. {1}",
        NotificationKind.ContentApproved => "{0}: a moderator approved your content; others can see it now.",
        NotificationKind.AppealUpheld => "{0}: your appeal was accepted and the decision undone. {1}",
        NotificationKind.AppealRejected => "{0}: your appeal was rejected; the decision stands. {1}",
        NotificationKind.AwardWon => "The results of {0} are published: you won \"{1}\". See My awards to follow its delivery.",
        NotificationKind.AwardDelivered => "Your award \"{1}\" from {0} was delivered. Please confirm receipt in My awards.",
        NotificationKind.WonAwaitingStock => "The results of {0} are published: you won \"{1}\". The prize is out of stock for now; the team will deliver it when stock arrives.",
        NotificationKind.AwardsOverdue => "{1} awards of {0} are past their delivery deadline and still undelivered.",
        NotificationKind.SurveyInvited => "{0}: please tell us what you thought. A short questionnaire is open for you.",
        NotificationKind.FeedbackReplied => "{0}: the team replied to your feedback.",
        _ => "{0}",
    };
}
