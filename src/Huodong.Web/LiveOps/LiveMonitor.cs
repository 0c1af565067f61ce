using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.LiveOps;

/// <summary>
/// E2.2 / S1.2: what the staff on watch need to see about a running activity, computed on the server so the page and
/// the API agree: events per minute for the last hour, unanswered questions with their age, open incidents, and the
/// alerts raised from them (<see cref="MonitorAlerts"/>).
/// </summary>
public sealed class LiveMonitor(HuodongDb db, ActivityQueries activities, IWatchRoster roster, IModerationQueue moderation,
    TimeProvider time)
{
    public const int WindowMinutes = 60;

    public async Task<Result<MonitorView>> ReadAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var found = await activities.GetAsync(actor, activityId, ct);
        return found.IsOk ? await ReadAsync(actor, found.Value!, ct) : found.Error!;
    }

    /// <summary>The monitor of an activity the caller has already loaded (the live page has, for its tabs).</summary>
    public async Task<Result<MonitorView>> ReadAsync(Actor actor, Activity activity, CancellationToken ct)
    {
        if (!LiveOpsPermissions.CanMonitor(actor, activity)) return Error.Forbidden;
        var activityId = activity.Id;

        var now = time.UtcNow();
        // Whole clock minutes, the current one last: the chart's labels are the minutes a watcher sees on a clock.
        var to = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(1);
        var from = to.AddMinutes(-WindowMinutes);
        var counts = await MinuteCounts.ForAsync(db, activityId, from, WindowMinutes, ct);

        var questions = await db.Comments.AsNoTracking()
            .Where(c => c.ActivityId == activityId && c.IsQuestion && c.AnsweredAt == null && !c.IsHeld && c.RemovedAt == null)
            .OrderBy(c => c.CreatedAt).Take(50)
            .Join(db.Users, c => c.AuthorId, u => u.Id, (c, u) => new { c.Id, Author = u.DisplayName, c.Body, c.CreatedAt })
            .ToListAsync(ct);
        var unanswered = questions.Select(q => new UnansweredQuestion(q.Id, q.Author,
            q.Body.Length > 140 ? q.Body[..140] + "…" : q.Body, q.CreatedAt, (int)(now - q.CreatedAt).TotalMinutes)).ToList();

        var open = await db.Incidents.AsNoTracking()
            .Where(i => i.ActivityId == activityId && i.Status != IncidentStatus.Resolved)
            .GroupJoin(db.Users, i => i.AssigneeId, u => u.Id, (i, us) => new { i, us })
            .SelectMany(x => x.us.DefaultIfEmpty(), (x, u) => new { x.i, Assignee = u == null ? null : u.DisplayName })
            .ToListAsync(ct);
        var incidents = open.OrderByDescending(x => x.i.Severity).ThenBy(x => x.i.OpenedAt)
            .Select(x => new OpenIncident(x.i.Id, x.i.Title, x.i.Kind, x.i.Severity, x.i.Status, x.Assignee, x.i.OpenedAt,
                (int)(now - x.i.OpenedAt).TotalMinutes))
            .ToList();
        var pendingReview = await db.Submissions.CountAsync(s => s.ActivityId == activityId && s.Status == SubmissionStatus.Pending, ct);
        var watch = await roster.StateAsync(activityId, now, ct);
        var moderationQueue = await moderation.OpenCountAsync(activityId, ct);

        var series = new MonitorSeries(counts[ActivityEventKind.Registered], counts[ActivityEventKind.Submitted],
            counts[ActivityEventKind.Commented], counts[ActivityEventKind.Questioned], counts[ActivityEventKind.Error]);
        var minutes = Enumerable.Range(0, WindowMinutes).Select(i => Display.InChina(from.AddMinutes(i)).ToString("HH:mm")).ToList();
        var alerts = MonitorAlerts.Raise(series, unanswered, incidents, watch);
        return new MonitorView(activityId, activity.Status, activity.PauseReason, now, from, minutes, series, unanswered,
            incidents.Count, Enum.GetValues<IncidentSeverity>().ToDictionary(s => s.ToString(), s => incidents.Count(i => i.Severity == s)),
            incidents, pendingReview, moderationQueue, watch, alerts);
    }
}

public sealed record MonitorSeries(int[] Registrations, int[] Submissions, int[] Comments, int[] Questions, int[] Errors)
{
    /// <summary>All members' charted events in each minute (errors are counted apart).</summary>
    public int[] Total => Registrations.Select((r, i) => r + Submissions[i] + Comments[i] + Questions[i]).ToArray();
}

public sealed record UnansweredQuestion(Guid Id, string Author, string Body, DateTimeOffset AskedAt, int AgeMinutes);

public sealed record OpenIncident(Guid Id, string Title, IncidentKind Kind, IncidentSeverity Severity, IncidentStatus Status,
    string? Assignee, DateTimeOffset OpenedAt, int AgeMinutes);

public sealed record MonitorView(Guid ActivityId, ActivityStatus Status, string? PauseReason, DateTimeOffset At,
    DateTimeOffset From, List<string> Minutes, MonitorSeries Series, List<UnansweredQuestion> Unanswered,
    int OpenIncidents, Dictionary<string, int> OpenBySeverity, List<OpenIncident> Incidents, int PendingReview,
    int ModerationQueue, WatchState Watch, List<MonitorAlert> Alerts);
