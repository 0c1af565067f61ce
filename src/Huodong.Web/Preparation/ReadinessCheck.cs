using Huodong.Web.Shared;

namespace Huodong.Web.Preparation;

/// <summary>
/// E1.3: one run of the technical readiness check — the automated probes' results, recorded as they came out, and
/// the manual checklist the team ticks afterwards — with when and by whom it ran. Every run is kept (history); the
/// gate looks at the latest. It passes when every probe passed and every item is ticked.
/// </summary>
public class ReadinessCheck
{
    private readonly List<ProbeOutcome> _probes = [];
    private readonly List<ChecklistItem> _items = [];

    private ReadinessCheck() { }

    public ReadinessCheck(Guid activityId, Guid ranBy, DateTimeOffset at, IEnumerable<(string Name, ProbeResult Result)> probes,
        IEnumerable<(string Key, string Title)> checklist)
    {
        Id = Guid.CreateVersion7(at);
        ActivityId = activityId;
        RanBy = ranBy;
        RanAt = at;
        var order = 0;
        foreach (var (name, result) in probes) _probes.Add(new ProbeOutcome(Id, name, result.Passed, result.Detail, order++));
        order = 0;
        foreach (var (key, title) in checklist) _items.Add(new ChecklistItem(Id, key, title, order++));
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public Guid RanBy { get; private set; }
    public DateTimeOffset RanAt { get; private set; }
    public IReadOnlyList<ProbeOutcome> Probes => _probes;
    public IReadOnlyList<ChecklistItem> Items => _items;

    public bool Passed => _probes.All(p => p.Passed) && _items.All(i => i.Done);

    /// <summary>Ticks (or unticks) a manual item, recording who and when.</summary>
    public Result Tick(string key, bool done, Guid actorId, DateTimeOffset at)
    {
        var item = _items.FirstOrDefault(i => i.Key == key);
        if (item is null) return Error.NotFound("Checklist item");
        item.Set(done, actorId, at);
        return Result.Ok;
    }
}

/// <summary>One automated probe's result within a readiness check.</summary>
public class ProbeOutcome
{
    private ProbeOutcome() { }

    public ProbeOutcome(Guid checkId, string name, bool passed, string detail, int order)
    {
        CheckId = checkId;
        Name = name;
        Passed = passed;
        Detail = detail.Length > 2000 ? detail[..2000] : detail;
        Order = order;
    }

    public Guid CheckId { get; private set; }
    public string Name { get; private set; } = "";
    public bool Passed { get; private set; }
    public string Detail { get; private set; } = "";
    public int Order { get; private set; }
}

/// <summary>A manual checklist item of a readiness check ("rules proof-read"), ticked by a team member.</summary>
public class ChecklistItem
{
    private ChecklistItem() { }

    public ChecklistItem(Guid checkId, string key, string title, int order)
    {
        CheckId = checkId;
        Key = key;
        Title = title;
        Order = order;
    }

    public Guid CheckId { get; private set; }
    public string Key { get; private set; } = "";
    /// <summary>The English text (a localisation key) shown for the item.</summary>
    public string Title { get; private set; } = "";
    public int Order { get; private set; }
    public bool Done { get; private set; }
    public Guid? DoneBy { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }

    internal void Set(bool done, Guid actorId, DateTimeOffset at)
    {
        Done = done;
        DoneBy = actorId;
        DoneAt = at;
    }
}

/// <summary>The manual items every readiness check starts with.</summary>
public static class Checklist
{
    public static readonly (string Key, string Title)[] Defaults =
    [
        ("rules-proofread", "Rules and cautions proof-read"),
        ("stream-rehearsed", "Live stream or main interaction rehearsed"),
        ("prizes-counted", "Prizes counted against the plan"),
        ("staff-briefed", "Staff on duty briefed"),
    ];
}
