using System.Text;

namespace Huodong.Web.Shared;

/// <summary>
/// Streams RFC 4180 CSV (UTF-8 with BOM so spreadsheet programs read Chinese right). Cells that a spreadsheet would
/// run as a formula (= + - @) are prefixed with an apostrophe (CSV injection).
/// </summary>
public sealed class CsvWriter(Stream output) : IAsyncDisposable
{
    private readonly StreamWriter _writer = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024);

    /// <summary>Writes one row; the writer buffers and writes to the stream asynchronously as the buffer fills.</summary>
    public Task WriteRowAsync(IEnumerable<string?> cells, CancellationToken ct) =>
        _writer.WriteAsync((string.Join(',', cells.Select(Escape)) + "\r\n").AsMemory(), ct);

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsPlainNumber(value)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>A negative amount ("-12.50") is a number, not a formula: it stays a number in the spreadsheet.</summary>
    private static bool IsPlainNumber(string value) =>
        System.Text.RegularExpressions.Regex.IsMatch(value, @"^-[0-9]+(\.[0-9]+)?$");

    public async ValueTask DisposeAsync() => await _writer.DisposeAsync();
}
