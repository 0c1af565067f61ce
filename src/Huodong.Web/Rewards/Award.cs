using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Web.Rewards;

/// <summary>Pending: to deliver. Delivered: handed over (points credited, code assigned, parcel shipped). Confirmed: the winner says it arrived. Voided: forfeited.</summary>
public enum AwardStatus { Pending, Delivered, Confirmed, Voided }

/// <summary>
/// One reward of the plan for one winner (E3.2): made when the results are published, delivered by kind, confirmed
/// by the winner. Each transition checks the state and bumps <see cref="Revision"/>, the concurrency token, so two
/// deliveries (or two confirmations) at once cannot both succeed.
/// </summary>
public class Award
{
    /// <summary>How long the team has to deliver after the results are published before the team is alerted.</summary>
    public static readonly TimeSpan DeliveryWindow = TimeSpan.FromDays(14);
    public const int MaxTracking = 100;
    public const int MaxNote = 500;

    private Award() { }

    public Award(Guid activityId, string rewardName, RewardKind kind, RewardRule rule, decimal unitValue, int rank,
        Guid memberId, string code, Guid? drawId, decimal? score, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ActivityId = activityId;
        RewardName = rewardName;
        Kind = kind;
        Rule = rule;
        UnitValue = unitValue;
        Rank = rank;
        MemberId = memberId;
        Code = code;
        DrawId = drawId;
        Score = score;
        Status = AwardStatus.Pending;
        CreatedAt = at;
        DueAt = at + DeliveryWindow;
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public string RewardName { get; private set; } = "";
    public RewardKind Kind { get; private set; }
    public RewardRule Rule { get; private set; }
    public decimal UnitValue { get; private set; }
    /// <summary>1, 2, … within the reward: the winner's place in the ranking, the draw or the order of completion.</summary>
    public int Rank { get; private set; }
    public Guid MemberId { get; private set; }
    /// <summary>The winner's public registration code (R000123), never personal data.</summary>
    public string Code { get; private set; } = "";
    public Guid? DrawId { get; private set; }
    public decimal? Score { get; private set; }
    public AwardStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    /// <summary>Shipping address of a physical prize, encrypted (Security/FieldProtector, purpose bound to the award).</summary>
    public string? ShippingAddress { get; private set; }
    public string? TrackingNumber { get; private set; }
    /// <summary>The coupon code assigned from the pool (also held by the pool row, whose unique AwardId guards it).</summary>
    public string? CouponCode { get; private set; }
    public string? DeliveryNote { get; private set; }
    public Guid? DeliveredById { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public string? VoidReason { get; private set; }
    public DateTimeOffset? VoidedAt { get; private set; }
    public DateTimeOffset? OverdueAlertedAt { get; private set; }
    public int Revision { get; private set; }

    public bool IsSettled => Status is AwardStatus.Delivered or AwardStatus.Confirmed or AwardStatus.Voided;
    public bool IsOverdue(DateTimeOffset now) => Status == AwardStatus.Pending && now > DueAt;

    /// <summary>The winner gives (or corrects) the address of a physical prize before it is shipped.</summary>
    public Result SetAddress(Guid actorId, string sealedAddress)
    {
        if (actorId != MemberId) return Error.Forbidden;
        if (Kind != RewardKind.Physical) return AwardErrors.NoAddressNeeded;
        if (Status != AwardStatus.Pending) return AwardErrors.WrongState(Status);
        ShippingAddress = sealedAddress;
        Revision++;
        return Result.Ok;
    }

    /// <summary>
    /// Pending → Delivered. A physical prize needs the winner's address and a tracking number; a coupon needs the code
    /// the pool gave; points and virtual items need nothing more (the caller credits the points in the same transaction).
    /// </summary>
    public Result Deliver(Guid actorId, string? trackingNumber, string? couponCode, string? note, DateTimeOffset at)
    {
        if (Status != AwardStatus.Pending) return AwardErrors.WrongState(Status);
        if (Kind == RewardKind.Physical && ShippingAddress is null) return AwardErrors.AddressMissing;
        if (Kind == RewardKind.Physical && string.IsNullOrWhiteSpace(trackingNumber)) return AwardErrors.TrackingRequired;
        if (Kind == RewardKind.Coupon && couponCode is null) return AwardErrors.PoolEmpty;
        TrackingNumber = Kind == RewardKind.Physical ? trackingNumber!.Trim() : null;
        CouponCode = couponCode;
        DeliveryNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DeliveredById = actorId;
        DeliveredAt = at;
        Status = AwardStatus.Delivered;
        Revision++;
        return Result.Ok;
    }

    /// <summary>Delivered → Confirmed, by the winner only, once.</summary>
    public Result Confirm(Guid actorId, DateTimeOffset at)
    {
        if (actorId != MemberId) return Error.Forbidden;
        if (Status == AwardStatus.Confirmed) return AwardErrors.AlreadyConfirmed;
        if (Status != AwardStatus.Delivered) return AwardErrors.WrongState(Status);
        ConfirmedAt = at;
        Status = AwardStatus.Confirmed;
        Revision++;
        return Result.Ok;
    }

    /// <summary>Pending → Voided with a reason (a disqualified or unreachable winner); a delivered award stays delivered.</summary>
    public Result Void(string? reason, DateTimeOffset at)
    {
        if (Status != AwardStatus.Pending) return AwardErrors.WrongState(Status);
        if (string.IsNullOrWhiteSpace(reason)) return AwardErrors.ReasonRequired;
        if (reason.Trim().Length > MaxNote) return AwardErrors.ReasonTooLong;
        VoidReason = reason.Trim();
        VoidedAt = at;
        Status = AwardStatus.Voided;
        Revision++;
        return Result.Ok;
    }

    public void MarkOverdueAlerted(DateTimeOffset at) => OverdueAlertedAt = at;
}
