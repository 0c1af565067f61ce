using Huodong.Web.Shared;

namespace Huodong.Web.Budget;

public static class BudgetErrors
{
    public static readonly Error ExpenseNotFound = Error.NotFound("Expense");
    public static readonly Error AdjustmentNotFound = Error.NotFound("Budget adjustment");

    public static readonly Error OverBudget = new(ErrorKind.BusinessRule, "over-budget",
        "This expense would take the budget line over its approved amount.");

    public static readonly Error NoBudgetLine = new(ErrorKind.BusinessRule, "no-budget-line",
        "The approved budget has no line for this category; request an adjustment to add one.");

    public static readonly Error NotSpendable = new(ErrorKind.Conflict, "budget-not-spendable",
        "Expenses are recorded only for an approved activity that has not been settled.");

    public static Error WrongExpenseState(ExpenseStatus status) => new(ErrorKind.Conflict, "wrong-state",
        "This cannot be done to an expense that is {0}.", [status.ToString()]);

    public static readonly Error VoucherRequired = new(ErrorKind.BusinessRule, "voucher-required",
        "Attach at least one voucher before submitting the expense.");

    public static readonly Error OwnExpense = new(ErrorKind.Forbidden, "own-expense",
        "You recorded or submitted this expense, so someone else must decide it.");

    public static readonly Error VoucherTooLarge = new(ErrorKind.BusinessRule, "voucher-too-large",
        "The voucher file is larger than allowed.");

    public static readonly Error VoucherUnsupported = new(ErrorKind.BusinessRule, "voucher-unsupported",
        "Vouchers must be PDF, JPG or PNG files.");

    public static readonly Error VoucherTypeMismatch = new(ErrorKind.BusinessRule, "voucher-type-mismatch",
        "The file's content does not match its name: it is not the PDF, JPG or PNG its extension says.");

    public static readonly Error VoucherMissing = Error.Field("file", "Choose a file.");

    public static readonly Error AdjustmentDecided = new(ErrorKind.Conflict, "adjustment-decided",
        "This budget adjustment has already been decided.");

    public static readonly Error OwnAdjustment = new(ErrorKind.Forbidden, "own-adjustment",
        "You requested this adjustment, so someone else must decide it.");

    public static readonly Error AdjustmentPending = new(ErrorKind.Conflict, "adjustment-pending",
        "An adjustment of this line is already waiting for the Leader.");

    public static readonly Error NoChange = new(ErrorKind.BusinessRule, "no-change", "The amount is the line's current amount.");

    public static readonly Error BelowCommitted = new(ErrorKind.BusinessRule, "below-committed",
        "A line cannot be lowered below what its expenses already commit.");

    public static readonly Error NotSettleable = new(ErrorKind.Conflict, "not-settleable",
        "The budget is settled after the activity has ended.");

    public static readonly Error AlreadySettled = new(ErrorKind.Conflict, "already-settled", "This budget is already settled.");

    public static readonly Error ExpensesPending = new(ErrorKind.Conflict, "expenses-pending",
        "Some expenses are still waiting for submission or a decision; settle after they are decided.");

}
