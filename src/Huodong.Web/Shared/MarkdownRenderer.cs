using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Huodong.Web.Shared;

/// <summary>
/// Plan content is Markdown written by staff and shown to members: rendered with raw HTML disabled, then
/// sanitised, so nothing a plan contains can run script in a reader's browser (G3.3, S1.1).
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml().UsePipeTables().UseAutoLinks().UseEmphasisExtras().UseListExtras().Build();

    private readonly HtmlSanitizer _sanitizer = new();

    public IHtmlContent Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return HtmlString.Empty;
        var html = Markdown.ToHtml(markdown, _pipeline);
        return new HtmlString(_sanitizer.Sanitize(html));
    }
}
