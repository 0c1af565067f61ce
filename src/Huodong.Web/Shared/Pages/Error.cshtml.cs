using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Shared.Pages;

/// <summary>
/// <c>/error/{code}</c>: the friendly page for 403, 404 and 500 (status code pages re-execute here); also serves
/// <c>/account/denied</c>.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    /// <summary>On <c>/account/denied</c> (where the cookie sends a forbidden request) there is no code: 403.</summary>
    public void OnGet(int? code) => Show(code ?? 403);
    public void OnPost(int? code) => Show(code ?? 403);

    public void Show(int code)
    {
        // The exception handler re-executes /error/500; a database outage is a 503 that says to retry.
        if (code == 500 && Response.StatusCode == StatusCodes.Status503ServiceUnavailable) code = 503;
        Code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
        (Title, Message) = Code switch
        {
            403 => ("You are not allowed to see this page.",
                "This page is for staff with another role. Sign in with a different account, or go back to the activities."),
            404 => ("We could not find that page.",
                "The page may have moved, or the activity is not published. Check the address or start from the activities."),
            400 => ("The request is not valid.", "Go back, check what you entered and try again."),
            429 => ("Too many requests; try again later.", "You sent many requests in a short time. Wait a minute, then try again."),
            503 => ("The database is not answering just now.", "Nothing was half-saved. Try again in a few seconds."),
            _ => ("Something went wrong on our side.",
                "The error has been logged. Please try again in a moment."),
        };
    }
}
