using Huodong.Web.Shared;

namespace Huodong.Web.Rewards;

public static class DrawErrors
{
    public static readonly Error NotFound = Error.NotFound("Draw");

    public static readonly Error NoEntrants = new(ErrorKind.BusinessRule, "no-entrants",
        "There is nobody to draw from: no confirmed registration remains.");

    public static Error WinnersCountOutOfRange(int entrants) => new(ErrorKind.BusinessRule, "winners-count-out-of-range",
        "The number of winners must be between 1 and the number of entrants ({0}).", [entrants]);

    public static readonly Error UnknownReward = Error.Validation(new Dictionary<string, string[]>
    {
        ["rewardName"] = ["Name a reward of the approved plan that is given by draw."],
    });

    public static readonly Error AlreadyRevealed = new(ErrorKind.Conflict, "already-revealed", "This draw has already been revealed.");

    public static readonly Error NotRevealed = new(ErrorKind.Conflict, "not-revealed",
        "Only a revealed draw can be redrawn: its winners must be known first.");

    public static readonly Error RedrawPending = new(ErrorKind.Conflict, "redraw-pending",
        "A redraw of this draw is committed and not yet revealed; reveal it first.");

    /// <summary>The stored seed does not hash to the published commitment: the record was altered. Never expected.</summary>
    public static readonly Error SeedMismatch = new(ErrorKind.Conflict, "seed-mismatch",
        "The stored seed does not match the published commitment; the draw cannot be revealed.");

    public static Error WrongActivityState(Planning.ActivityStatus status) => new(ErrorKind.Conflict, "wrong-state",
        "Draws are made after the activity has ended; it is {0}.", [status.ToString()]);
}
