using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Portal.Pages;

/// <summary><c>/</c>: the members' portal home, the published (approved) activities as cards.</summary>
public sealed class IndexModel(ActivityQueries queries, TimeProvider time) : PageModel
{
    public const int PageSize = 24;
    public Page<ActivitySummary> Activities { get; private set; } = new([], 0);
    public DateTimeOffset Now { get; private set; }
    public int PageNumber { get; private set; } = 1;

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        Now = time.GetUtcNow();
        PageNumber = Math.Max(1, page ?? 1);
        Activities = await queries.ListAsync(Actor.From(User), new ActivityFilter(PublishedOnly: true),
            Paging.From(PageNumber, PageSize), ct);
    }

    /// <summary>What a member most wants to know about a published activity right now.</summary>
    public string Phase(ActivitySummary a) => a.Status switch
    {
        ActivityStatus.Approved when a.RegistrationOpensAt > Now => "Registration opens soon",
        ActivityStatus.Approved when a.RegistrationClosesAt > Now => "Registration open",
        ActivityStatus.Approved => "Starting soon",
        ActivityStatus.Live => "Happening now",
        ActivityStatus.Paused => "Paused",
        ActivityStatus.Cancelled => "Cancelled",
        ActivityStatus.ResultsPublished or ActivityStatus.Closed => "Results published",
        _ => "Ended",
    };
}
