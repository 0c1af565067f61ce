using System.Text.Json;
using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Rewards;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Security;

public sealed record RevealInput(string? SubjectType, string? SubjectId, string? Field, string? Reason);
public sealed record Revealed(string SubjectType, string SubjectId, string Field, string? Value);

/// <summary>
/// Issue 9 item 3: personal data is masked everywhere; showing one value in the clear (a registrant's phone, a winner's
/// address) or exporting it unmasked takes the permission (staff of the activity's team, or a Moderator for
/// registrations), a current agreement and training (<see cref="Compliance"/>), and a stated reason, and is written to
/// the audit chain (<c>personal-data.revealed</c> / <c>personal-data.exported</c>: subject, field, reason — never the value).
/// </summary>
public sealed class PersonalDataReveal(HuodongDb db, FieldProtector protector, Compliance compliance, AuditLog audit,
    Monitoring.PersonalDataWatch watch)
{
    public const int MinReason = 5, MaxReason = 500;
    public const string RevealedCode = "personal-data.revealed", ExportedCode = "personal-data.exported";

    /// <summary>The fields each subject type can reveal.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Fields = new Dictionary<string, string[]>
    {
        ["registration"] = ["realName", "phone", "email", "answers"],
        ["award"] = ["recipient", "phone", "address"],
    };

    public async Task<Result<Revealed>> RevealAsync(Actor actor, RevealInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var type = input.SubjectType?.Trim().ToLowerInvariant();
        if (type is null || !Fields.TryGetValue(type, out var fields)) errors["subjectType"] = ["Unknown subject type."];
        else if (input.Field is null || !fields.Contains(input.Field)) errors["field"] = ["Unknown field."];
        if (!Guid.TryParse(input.SubjectId, out var subjectId)) errors["subjectId"] = ["Not a valid id."];
        if (ReasonError(input.Reason) is { } bad) errors["reason"] = [bad];
        if (errors.Count > 0) return Error.Validation(errors);
        if (!actor.IsStaff) return Error.Forbidden;

        string? value;
        Guid activityId;
        if (type == "registration")
        {
            var r = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == subjectId, ct);
            if (r is null || await ActivityAsync(r.ActivityId, ct) is not { } activity || !PlanningPermissions.CanSee(actor, activity))
                return Error.NotFound("Registration");
            if (!RegistrationQueries.CanList(actor, activity)) return Error.Forbidden;
            activityId = activity.Id;
            value = input.Field switch
            {
                "realName" => protector.Decrypt(r.Contact.RealName, RegisterMember.NamePurpose),
                "phone" => protector.Decrypt(r.Contact.Phone, RegisterMember.PhonePurpose),
                "email" => r.Contact.Email is { } e ? protector.Decrypt(e, RegisterMember.EmailPurpose) : null,
                _ => r.AnswersJson is { } a ? protector.Decrypt(a, RegisterMember.AnswersPurpose) : null,
            };
        }
        else
        {
            var award = await db.Set<Award>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == subjectId, ct);
            if (award is null || await ActivityAsync(award.ActivityId, ct) is not { } activity || !PlanningPermissions.CanSee(actor, activity))
                return Error.NotFound("Award");
            if (!activity.IsOnTeam(actor.Id)) return Error.Forbidden;
            activityId = activity.Id;
            var address = award.ShippingAddress is null ? null
                : JsonSerializer.Deserialize<ShippingAddress>(protector.Decrypt(award.ShippingAddress, AwardChanges.AddressPurpose(award.Id)));
            value = input.Field switch { "recipient" => address?.Recipient, "phone" => address?.Phone, _ => address?.Address };
        }
        var cleared = await compliance.RequireAsync(actor, ct);
        if (!cleared.IsOk) return cleared.Error!;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await audit.AppendAsync(actor.Id, RevealedCode, type!, subjectId.ToString(),
            new { field = input.Field, reason = input.Reason!.Trim(), activityId }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await watch.AfterAsync(actor.Id, ct); // S1.2: unusually many reveals raise a security alert
        return new Revealed(type!, subjectId.ToString(), input.Field!, value);
    }

    /// <summary>
    /// Before an unmasked export: the caller has checked who may list the data; this checks the reason and the
    /// compliance gate and writes the audit entry (committed before the first row leaves).
    /// </summary>
    public async Task<Result> ExportingAsync(Actor actor, string subjectType, Guid subjectId, string what, string? reason, CancellationToken ct)
    {
        if (ReasonError(reason) is { } bad) return Error.Field("reason", bad);
        var cleared = await compliance.RequireAsync(actor, ct);
        if (!cleared.IsOk) return cleared.Error!;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // How many records leave, for the personal-data watch (S1.2); an activity's registrations are the one export today.
        var records = subjectType == "activity" && what == "registrations"
            ? await db.Registrations.CountAsync(r => r.ActivityId == subjectId, ct) : 1;
        await audit.AppendAsync(actor.Id, ExportedCode, subjectType, subjectId.ToString(), new { field = what, reason = reason!.Trim(), records }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await watch.AfterAsync(actor.Id, ct);
        return Result.Ok;
    }

    private static string? ReasonError(string? reason) => reason?.Trim() switch
    {
        null or "" => "Required.",
        { Length: < MinReason } => "State the reason in at least 5 characters.",
        { Length: > MaxReason } => "Must be at most 500 characters.",
        _ => null,
    };

    private Task<Activity?> ActivityAsync(Guid id, CancellationToken ct) =>
        db.Activities.Include(a => a.Team).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
}
