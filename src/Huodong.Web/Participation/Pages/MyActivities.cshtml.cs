using Huodong.Web.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Participation.Pages;

/// <summary><c>/me/activities</c>: the member's registrations, newest first, with what they handed in for each.</summary>
[Authorize]
public sealed class MyActivitiesModel(InteractionQueries queries) : PageModel
{
    public List<MyActivity> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await queries.MineAsync(Actor.From(User).Id, ct);
}
