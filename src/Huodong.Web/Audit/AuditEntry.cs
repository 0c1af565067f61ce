using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Huodong.Web.Audit;

/// <summary>
/// One append-only audit record (B2.4, S, DESIGN.md principle 6). Its <see cref="Hash"/> covers its own canonical
/// fields and the previous entry's hash, so editing or deleting any entry breaks the chain from there on.
/// </summary>
public class AuditEntry
{
    private AuditEntry() { }

    internal AuditEntry(long sequence, DateTimeOffset at, Guid? actorId, string code, string subjectType,
        string subjectId, string? data, string previousHash)
    {
        Sequence = sequence;
        At = at;
        ActorId = actorId;
        Code = code;
        SubjectType = subjectType;
        SubjectId = subjectId;
        Data = data;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    /// <summary>Position in the chain, 1-based, gap-free; the primary key, so the chain cannot fork.</summary>
    public long Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorId { get; private set; }
    /// <summary>Dotted code (<c>activity.review.head.passed</c>).</summary>
    public string Code { get; private set; } = "";
    public string SubjectType { get; private set; } = "";
    public string SubjectId { get; private set; } = "";
    public string? Data { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// SHA-256 over the fields joined by line feeds, each in an invariant form that survives a database round
    /// trip (time as UTC ticks truncated to microseconds, as PostgreSQL keeps them).
    /// </summary>
    public string ComputeHash()
    {
        var utc = At.ToUniversalTime();
        var canonical = string.Join('\n',
            Sequence.ToString(CultureInfo.InvariantCulture),
            (utc.Ticks - utc.Ticks % 10).ToString(CultureInfo.InvariantCulture),
            ActorId?.ToString("D") ?? "",
            Code, SubjectType, SubjectId, Data ?? "", PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
