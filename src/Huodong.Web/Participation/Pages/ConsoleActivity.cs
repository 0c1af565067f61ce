using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Participation.Pages;

/// <summary>The tabs of an activity's participation console and who may open each (as the queries decide).</summary>
public sealed record ConsoleTabs(Activity Activity, string Current, bool CanListRegistrations, Actor? Viewer = null)
{
    public static ConsoleTabs For(Actor actor, Activity a, string current) =>
        new(a, current, RegistrationQueries.CanList(actor, a), actor);
}

public static class ConsoleActivity
{
    /// <summary>A refused console read as the page answers it: 404 for what the viewer may not see, 403 otherwise.</summary>
    public static IActionResult Refuse(this PageModel page, Error error) =>
        error.Kind == ErrorKind.Forbidden ? page.Forbid() : page.NotFound();
}
