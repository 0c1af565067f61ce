using Huodong.Web.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Huodong.Web.Shared;

/// <summary>The server-rendered console and portal: policies, partial lookup, Markdown and localised binding messages.</summary>
public static class PagesSetup
{
    /// <summary>Every /console page: a signed-in staff member (DESIGN.md "People and roles").</summary>
    public const string StaffPolicy = "staff";

    public static void AddPages(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthorizationBuilder().AddPolicy(StaffPolicy, p => p.RequireRole(Roles.Staff));
        services.AddSingleton<MarkdownRenderer>();
        // Write Chinese as characters, not &#x…; entities: pages stay readable and a third smaller.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, DisplayNameClaimsFactory>();

        // Pages live in feature folders; shared partials and the layout live in Shared/Pages.
        services.Configure<RazorViewEngineOptions>(o => o.PageViewLocationFormats.Add("/Shared/Pages/{0}.cshtml"));

        // Model binding's own messages ("The value 'x' is not valid…") in the request's language.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            var l = factory.Create(typeof(SharedResource));
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, _) => l["'{0}' is not a valid value.", value]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["'{0}' is not a valid value.", value]);
            m.SetUnknownValueIsInvalidAccessor(_ => l["The value is not valid."]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["The value is not valid."]);
            m.SetValueIsInvalidAccessor(value => l["'{0}' is not a valid value.", value]);
            m.SetValueMustBeANumberAccessor(_ => l["Enter a number."]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => l["Enter a number."]);
            m.SetValueMustNotBeNullAccessor(_ => l["Required."]);
            m.SetMissingBindRequiredValueAccessor(_ => l["Required."]);
            m.SetMissingKeyOrValueAccessor(() => l["Required."]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => l["Required."]);
        });
    }
}
