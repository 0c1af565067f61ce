using Huodong.Web.Shared;

namespace Huodong.Web.Preparation;

public enum MaterialKind { Prize, Promotional, Equipment }

public enum MaterialStatus { Planned, Ordered, Ready, Problem }

/// <summary>
/// E1.2: a prize, a piece of promotional material or technical equipment the activity needs: how many, how many are
/// in hand, who looks after it and where it stands. Only Ready counts towards readiness, and Ready needs the full
/// quantity in hand ("complete and reliable").
/// </summary>
public class Material
{
    private Material() { }

    public static Result<Material> Create(Guid activityId, MaterialInput input, Guid? ownerId, DateTimeOffset at)
    {
        var invalid = input.Validate();
        if (invalid.Count > 0) return Error.Validation(invalid);
        var material = new Material { Id = Guid.CreateVersion7(at), ActivityId = activityId, CreatedAt = at };
        material.Apply(input, ownerId, at);
        return material;
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public string Name { get; private set; } = "";
    public MaterialKind Kind { get; private set; }
    public int QuantityNeeded { get; private set; }
    public int QuantityInHand { get; private set; }
    public Guid? OwnerId { get; private set; }
    public MaterialStatus Status { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsReady => Status == MaterialStatus.Ready && QuantityInHand >= QuantityNeeded;

    public Result Update(MaterialInput input, Guid? ownerId, DateTimeOffset at)
    {
        var invalid = input.Validate();
        if (invalid.Count > 0) return Error.Validation(invalid);
        Apply(input, ownerId, at);
        return Result.Ok;
    }

    private void Apply(MaterialInput input, Guid? ownerId, DateTimeOffset at)
    {
        Name = input.Name!.Trim();
        Kind = input.Kind!.Value;
        QuantityNeeded = input.QuantityNeeded!.Value;
        QuantityInHand = input.QuantityInHand ?? 0;
        Status = input.Status ?? MaterialStatus.Planned;
        OwnerId = ownerId;
        Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        UpdatedAt = at;
    }
}

public sealed record MaterialInput(string? Name, MaterialKind? Kind, int? QuantityNeeded, int? QuantityInHand,
    string? OwnerEmail, MaterialStatus? Status, string? Note)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name)) errors["name"] = ["Required."];
        else if (Name.Trim().Length > 200) errors["name"] = ["Must be at most 200 characters."];
        else if (Name.Contains('\0')) errors["name"] = [Planning.PlanRules.NulCharacter];
        if (Kind is null) errors["kind"] = ["Required."];
        if (QuantityNeeded is null) errors["quantityNeeded"] = ["Required."];
        else if (QuantityNeeded < 1 || QuantityNeeded > 1_000_000) errors["quantityNeeded"] = ["Must be between 1 and 1,000,000."];
        if (QuantityInHand is < 0 or > 1_000_000) errors["quantityInHand"] = ["Must be between 0 and 1,000,000."];
        if (Note is { Length: > 2000 }) errors["note"] = ["Must be at most 2,000 characters."];
        else if (Note?.Contains('\0') == true) errors["note"] = [Planning.PlanRules.NulCharacter];
        // Ready means complete: the full quantity is in hand (E1.2).
        if (Status == MaterialStatus.Ready && QuantityNeeded is { } need && (QuantityInHand ?? 0) < need)
            errors["status"] = ["Ready needs at least the quantity needed in hand."];
        return errors;
    }
}
