namespace Huodong.Web.Shared;

/// <summary>The first answer to a state-changing request sent with an <c>Idempotency-Key</c> (DESIGN.md principle 3).</summary>
public class IdempotencyRecord
{
    /// <summary>Whose key it is: the account id, or "anonymous:" and the network address.</summary>
    public string Scope { get; set; } = "";
    public string Key { get; set; } = "";
    /// <summary>SHA-256 of method, path and body: the same key with another request is refused.</summary>
    public string RequestHash { get; set; } = "";
    /// <summary>Null while the first request is still being handled.</summary>
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public byte[]? Body { get; set; }
    public string? Location { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
