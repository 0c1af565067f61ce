using System.Text.Json;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Rewards.Pages;

/// <summary>
/// <c>/draws/{id}</c>: one draw as anyone may read it (G3.2), with every input of huodong-draw-v1 and a verifier
/// that runs in the browser (<c>js/draw-verify.js</c>, WebCrypto) on the same document GET /api/draws/{id} returns.
/// </summary>
public sealed class PublicDrawModel(DrawQueries draws, ActivityQueries activities, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : PageModel
{
    public DrawView Draw { get; private set; } = null!;
    public Activity Activity { get; private set; } = null!;
    /// <summary>The API's JSON of this draw, embedded for the verifier (so it checks exactly what the API publishes).</summary>
    public string DocumentJson { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var found = await draws.GetAsync(actor, id, ct);
        if (!found.IsOk) return NotFound();
        Draw = found.Value!;
        var activity = await activities.GetAsync(actor, Draw.ActivityId, ct);
        if (!activity.IsOk) return NotFound();
        Activity = activity.Value!;
        DocumentJson = JsonSerializer.Serialize(Draw, json.Value.SerializerOptions);
        return Page();
    }
}
