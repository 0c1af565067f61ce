using Huodong.Web.Shared;

namespace Huodong.Web.Evaluation.Summary;

public static class SummaryErrors
{
    public static readonly Error NotFound = Error.NotFound("Summary");

    /// <summary>E3.3: the activity is closed only once its team has written the summary.</summary>
    public static readonly Error Required = new(ErrorKind.BusinessRule, "summary-required",
        "Write the activity summary before closing the activity.");

    public static readonly Error NotWritable = new(ErrorKind.Conflict, "summary-not-writable",
        "The summary is written after the activity has ended and until it is closed.");

    public static readonly Error ConcurrentChange = new(ErrorKind.Conflict, "concurrent-change",
        "Someone else saved the summary at the same time; reload and try again.");
}
