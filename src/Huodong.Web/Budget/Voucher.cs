namespace Huodong.Web.Budget;

/// <summary>
/// A voucher (B2.2: 凭证) kept in the database with the bytes it was uploaded as and their SHA-256, so the same
/// receipt used for a second expense anywhere is found by its hash.
/// </summary>
public sealed class Voucher
{
    private Voucher() { }

    public Voucher(Guid expenseId, string fileName, string contentType, byte[] content, string sha256, Guid uploadedById, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ExpenseId = expenseId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.Length;
        Sha256 = sha256;
        UploadedById = uploadedById;
        UploadedAt = at;
    }

    public const int MaxFileName = 200;

    public Guid Id { get; private set; }
    public Guid ExpenseId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public int Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public Guid UploadedById { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}
