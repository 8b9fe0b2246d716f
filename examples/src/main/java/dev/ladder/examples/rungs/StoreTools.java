package dev.ladder.examples.rungs;

import dev.ladder.agent.tool.ToolMethod;
import dev.ladder.core.schema.Description;
import dev.ladder.reflection.sql.QueryResult;
import dev.ladder.reflection.sql.SqlDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tools of {@link ToolUsingAgent}: a look-up over the Chinook database and a refund. Each public
 * {@link ToolMethod} becomes a tool whose JSON Schema is read from the method's parameters.
 */
public final class StoreTools {
    private final SqlDatabase chinook;
    private final List<String> refunds = new CopyOnWriteArrayList<>();

    StoreTools(SqlDatabase chinook) {
        this.chinook = chinook;
    }

    @ToolMethod("Lists the invoices (id, date, total in dollars) of customers with a last name, newest first.")
    public String invoices(@Description("The customer's last name.") String lastName) {
        // The model's argument stays a literal (quotes doubled), in a query that runs read-only.
        QueryResult rows = chinook.query("SELECT InvoiceId, date(InvoiceDate), Total FROM Invoice JOIN Customer"
                + " USING (CustomerId) WHERE LastName = '" + lastName.replace("'", "''") + "' ORDER BY 2 DESC");
        return rows.isEmpty() ? "no customer has the last name " + lastName : ExampleSupport.rows(rows, 10);
    }

    @ToolMethod("Refunds an invoice in full.")
    public String refund(int invoiceId, @Description("Why the money goes back.") String reason) {
        refunds.add(invoiceId + " (" + reason + ")");
        return "invoice " + invoiceId + " refunded";
    }

    /** Returns the refunds made so far. */
    List<String> refunds() {
        return List.copyOf(refunds);
    }
}
