using System.Text;
using Huodong.Web.Shared;

namespace Huodong.Tests.Shared;

/// <summary><see cref="CsvWriter"/>: RFC 4180 quoting, and no cell a spreadsheet would run as a formula.</summary>
public sealed class CsvWriterTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("张*三", "张*三")]
    [InlineData("138****5678", "138****5678")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line one\nline two", "\"line one\nline two\"")]
    [InlineData("line one\r\nline two", "\"line one\r\nline two\"")]
    public void Cells_are_quoted_only_when_they_must_be(string? value, string cell)
    {
        Assert.Equal(cell, CsvWriter.Escape(value));
    }

    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    public void Cells_a_spreadsheet_would_run_as_a_formula_are_defused(string value, string cell)
    {
        Assert.Equal(cell, CsvWriter.Escape(value));
    }

    [Fact]
    public async Task Rows_are_written_with_a_bom_commas_and_crlf()
    {
        using var stream = new MemoryStream();
        await using (var csv = new CsvWriter(stream))
        {
            await csv.WriteRowAsync(["编号", "Real name", null], TestContext.Current.CancellationToken);
            await csv.WriteRowAsync(["R000001", "a,b", "=x"], TestContext.Current.CancellationToken);
        }
        var bytes = stream.ToArray();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("编号,Real name,\r\nR000001,\"a,b\",'=x\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
