namespace Huodong.Web.Shared;

/// <summary>What the pager partial needs: where we are and how to link to another page.</summary>
public sealed record PagerModel(int Page, int PageSize, int Total, Func<int, string> Link)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
