using Huodong.Web.Shared;

namespace Huodong.Web.Preparation;

/// <summary>The kinds of duty an activity's staffing plan names (E1.1).</summary>
public enum DutyKind { Host, ModeratorOnWatch, QnA, RewardDelivery, Data, Technical, Other }

/// <summary>
/// E1.1: one duty of an activity's staffing plan, with its time slot and the named staff member responsible.
/// A duty without an assignee holds the readiness gate closed.
/// </summary>
public class Duty
{
    private Duty() { }

    public static Result<Duty> Create(Guid activityId, DutyInput input, Guid? assigneeId, DateTimeOffset at)
    {
        var invalid = input.Validate();
        if (invalid.Count > 0) return Error.Validation(invalid);
        var duty = new Duty { Id = Guid.CreateVersion7(at), ActivityId = activityId, CreatedAt = at };
        duty.Apply(input, assigneeId, at);
        return duty;
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public DutyKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset From { get; private set; }
    public DateTimeOffset To { get; private set; }
    /// <summary>The staff account responsible; null while nobody is named.</summary>
    public Guid? AssigneeId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsStaffed => AssigneeId is not null;

    public Result Update(DutyInput input, Guid? assigneeId, DateTimeOffset at)
    {
        var invalid = input.Validate();
        if (invalid.Count > 0) return Error.Validation(invalid);
        Apply(input, assigneeId, at);
        return Result.Ok;
    }

    private void Apply(DutyInput input, Guid? assigneeId, DateTimeOffset at)
    {
        Kind = input.Kind!.Value;
        Title = input.Title!.Trim();
        From = input.From!.Value.ToUniversalTime();
        To = input.To!.Value.ToUniversalTime();
        AssigneeId = assigneeId;
        UpdatedAt = at;
    }
}

/// <summary>A duty as the API and the console send it; the assignee is named by their staff email.</summary>
public sealed record DutyInput(DutyKind? Kind, string? Title, DateTimeOffset? From, DateTimeOffset? To, string? AssigneeEmail)
{
    public const int MaxTitle = 200;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Kind is null) errors["kind"] = ["Required."];
        if (string.IsNullOrWhiteSpace(Title)) errors["title"] = ["Required."];
        else if (Title.Trim().Length > MaxTitle) errors["title"] = ["Must be at most 200 characters."];
        else if (Title.Contains('\0')) errors["title"] = [Planning.PlanRules.NulCharacter];
        if (From is null) errors["from"] = ["Required."];
        if (To is null) errors["to"] = ["Required."];
        if (From is { } f && To is { } t && t <= f) errors["to"] = ["Must be after the start of the slot."];
        return errors;
    }
}
