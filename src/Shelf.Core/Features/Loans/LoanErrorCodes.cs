namespace Shelf.Core.Features.Loans;

/// <summary>
/// The stable codes of the errors about loans. Hosts key their hints and status mappings on
/// these constants, so a renamed or mistyped code fails the build instead of a user.
/// </summary>
public static class LoanErrorCodes
{
    public const string BorrowerInvalid = "loan.borrower_invalid";
    public const string BorrowerMissing = "loan.borrower_missing";
    public const string BorrowerNotFound = "loan.borrower_not_found";
    public const string ContactTooLong = "loan.contact_too_long";
    public const string CopiesOnLoan = "loan.copies_on_loan";
    public const string DueAndPeriod = "loan.due_and_period";
    public const string DueInvalid = "loan.due_invalid";
    public const string DueInPast = "loan.due_in_past";
    public const string FullyLent = "loan.fully_lent";
    public const string NotLent = "loan.not_lent";
    public const string NotLentTo = "loan.not_lent_to";
    public const string NoteTooLong = "loan.note_too_long";
    public const string PeriodInvalid = "loan.period_invalid";
    public const string ReturnWhich = "loan.return_which";
}
