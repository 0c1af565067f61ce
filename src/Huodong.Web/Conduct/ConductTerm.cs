namespace Huodong.Web.Conduct;

/// <summary>A lexicon entry (M3.1, M3.2): a word or phrase, what the filter does on it, and why.</summary>
public class ConductTerm
{
    public const int MaxTerm = 100;
    private ConductTerm() { }

    public ConductTerm(string term, ConductAction action, ConductCategory category, Guid createdBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        Term = term;
        Normalized = Filter.TextNormalizer.Fold(term);
        Action = action;
        Category = category;
        CreatedBy = createdBy;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public string Term { get; private set; } = "";
    /// <summary>The term as the filter compares it; unique, so a traditional spelling of an existing term is a duplicate.</summary>
    public string Normalized { get; private set; } = "";
    public ConductAction Action { get; private set; }
    public ConductCategory Category { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>
/// One row whose version goes up with every lexicon change, in the same transaction. Each instance compares it with
/// the version its cached matcher was built from, so a change made on one instance reaches all of them.
/// </summary>
public class LexiconStamp
{
    public int Id { get; private set; }
    public long Version { get; private set; }
}

/// <summary>
/// What flood detection remembers of a member's recent post (M3.2 "no malicious flooding"): when, and two
/// fingerprints of its normalized text (exact, and a SimHash for near-identical text). Kept in the database so that
/// every app instance sees every post.
/// </summary>
public class PostFingerprint
{
    private PostFingerprint() { }

    public PostFingerprint(Guid memberId, long exact, long simHash, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        MemberId = memberId;
        Exact = exact;
        SimHash = simHash;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public long Exact { get; private set; }
    public long SimHash { get; private set; }
    public DateTimeOffset At { get; private set; }
}
