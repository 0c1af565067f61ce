using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Huodong.Web.Shared;

/// <summary>
/// WCAG 3.3.1: an input bound with <c>asp-for</c> that has errors is marked <c>aria-invalid</c> and described by its
/// message; the message span (<c>asp-validation-for</c>) gets the id it is described by (<c>{input id}-error</c>).
/// Runs after the framework's tag helpers so the id is already set.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class AriaValidationTagHelper : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")] public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression? For { get; set; }
    [HtmlAttributeName("asp-validation-for")] public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression? ValidationFor { get; set; }
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var expression = For ?? ValidationFor;
        if (expression is null) return;
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);
        var id = output.Attributes.TryGetAttribute("id", out var given) && ValidationFor is null
            ? given.Value?.ToString() ?? TagBuilder.CreateSanitizedId(name, "_")
            : TagBuilder.CreateSanitizedId(name, "_");
        if (ValidationFor is not null)
        {
            if (!output.Attributes.ContainsName("id")) output.Attributes.SetAttribute("id", id + "-error");
            return;
        }
        var invalid = ViewContext.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0;
        if (!invalid) return;
        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var d) ? d.Value + " " : "";
        output.Attributes.SetAttribute("aria-describedby", describedBy + TagBuilder.CreateSanitizedId(name, "_") + "-error");
    }
}
