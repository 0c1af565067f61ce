using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Preparation.Promotion;

public sealed record PromotionInput(List<string>? Channels, string? Title, string? Body);

/// <summary>
/// The team composes a promotion (E1.4) for an approved or live activity: generated from the approved plan when no
/// body is given, refused naming the missing parts when a given body lacks any. The deliveries are written in the
/// same transaction as the promotion (the outbox), so nothing is sent for a promotion that was not saved and
/// nothing saved is lost.
/// </summary>
public sealed class CreatePromotion(HuodongDb db, AuditLog audit, TimeProvider time)
{
    public async Task<Result<Promotion>> ExecuteAsync(Actor actor, Guid activityId, PromotionInput input, CancellationToken ct)
    {
        var activity = await db.Activities.Include(a => a.Team).AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return Error.NotFound("Activity");
        if (!PlanningPermissions.CanEdit(actor, activity)) return Error.Forbidden;
        if (activity.Status is not (ActivityStatus.Approved or ActivityStatus.Live) || activity.ApprovedPlan is not { } plan)
            return PromotionErrors.WrongState;

        var channels = new List<PromotionChannel>();
        foreach (var name in input.Channels ?? [])
        {
            if (!Enum.TryParse<PromotionChannel>(name, true, out var c) || int.TryParse(name, out _)) return PromotionErrors.UnknownChannel;
            channels.Add(c);
        }
        if (channels.Count == 0) return PromotionErrors.NoChannels;

        var title = string.IsNullOrWhiteSpace(input.Title) ? PromotionMessage.DefaultTitle(activity.Title) : input.Title.Trim();
        if (title.Length > 200) return PromotionErrors.TooLong("title");
        string body;
        if (string.IsNullOrWhiteSpace(input.Body)) body = PromotionMessage.Generate(activity.Title, plan);
        else
        {
            body = input.Body.Trim();
            if (body.Length > 20_000) return PromotionErrors.TooLong("body");
            var missing = PromotionMessage.Missing(body, activity.Title, plan);
            if (missing.Count > 0) return PromotionErrors.Incomplete(missing);
        }

        var now = time.UtcNow();
        var recipients = channels.Contains(PromotionChannel.Email)
            ? await EmailRecipients.OfAsync(db, plan.Eligibility.MinLevel, now, ct) : [];
        var promotion = Promotion.Compose(activity.Id, title, body, channels, recipients, actor.Id, now);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(promotion);
        await audit.AppendAsync(actor.Id, "activity.promotion.created", "activity", activity.Id.ToString(),
            new { promotion = promotion.Id, channels = promotion.Channels, deliveries = promotion.Deliveries.Count }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return promotion;
    }
}

/// <summary>Who gets a promotion by email: members who opted in, have an address, meet the level and are not suspended.</summary>
public static class EmailRecipients
{
    public static async Task<List<Guid>> OfAsync(HuodongDb db, int minLevel, DateTimeOffset now, CancellationToken ct)
    {
        var members = db.Users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id
            && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Member)));
        var candidates = await members.Where(u => u.EmailOptIn && u.Email != null && u.Level >= minLevel)
            .Select(u => new { u.Id, u.SuspendedUntil }).ToListAsync(ct);
        // Compared in memory: SQLite cannot compare DateTimeOffset values in SQL.
        return candidates.Where(u => u.SuspendedUntil is null || u.SuspendedUntil <= now).Select(u => u.Id).ToList();
    }
}
