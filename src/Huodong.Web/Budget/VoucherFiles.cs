namespace Huodong.Web.Budget;

/// <summary>
/// What a voucher file really is, read from its first bytes, never from its name or the browser's content type
/// (B2.2: vouchers are genuine): a name saying .pdf over PNG bytes, or an executable renamed, is refused.
/// </summary>
public static class VoucherFiles
{
    public enum Kind { Pdf, Png, Jpeg }

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    public static Kind? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith(PdfMagic) ? Kind.Pdf
        : content.StartsWith(PngMagic) ? Kind.Png
        : content.StartsWith(JpegMagic) ? Kind.Jpeg
        : null;

    public static Kind? FromName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => Kind.Pdf,
        ".png" => Kind.Png,
        ".jpg" or ".jpeg" => Kind.Jpeg,
        _ => null,
    };

    public static string ContentType(Kind kind) => kind switch
    {
        Kind.Pdf => "application/pdf",
        Kind.Png => "image/png",
        _ => "image/jpeg",
    };
}
