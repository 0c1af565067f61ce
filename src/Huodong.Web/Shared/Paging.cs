namespace Huodong.Web.Shared;

/// <summary>List paging as API.md fixes it: <c>?page=1&amp;pageSize=50</c> → <c>{"items":[…],"total":N}</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

public readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 200;
    public int Skip => (Page - 1) * PageSize;

    public static Paging From(int? page, int? pageSize) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 50, 1, MaxPageSize));
}
