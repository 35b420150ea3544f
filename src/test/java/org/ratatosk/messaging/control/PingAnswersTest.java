package org.ratatosk.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.provisioning.control.AnswerRejected;

class PingAnswersTest {

    @Test
    void readsDeviceAndProfileInfoFromTheResponseOrItsResult() throws AnswerRejected {
        var top = CommandBodiesTest.json("{'code':0,'deviceinfo':{'name':'PC'},'profileinfo':[{'pid':'p1','guid':'g'}]}");
        assertEquals("{\"name\":\"PC\"}", PingAnswers.deviceInfo(top));
        assertEquals("[{\"pid\":\"p1\",\"guid\":\"g\"}]", PingAnswers.profileInfo(top));
        var nested = CommandBodiesTest.json("{'code':0,'result':{'deviceinfo':{'model':'2.1'}}}");
        assertEquals("{\"model\":\"2.1\"}", PingAnswers.deviceInfo(nested));
        assertNull(PingAnswers.profileInfo(nested));
        assertNull(PingAnswers.deviceInfo(CommandBodiesTest.json("{'code':0,'deviceinfo':null}")));
    }

    @Test
    void refusesMisshapenInfo() {
        assertEquals(ErrorCode.MALFORMED_ANSWER, assertThrows(AnswerRejected.class,
                () -> PingAnswers.deviceInfo(CommandBodiesTest.json("{'deviceinfo':'PC'}"))).code());
        assertThrows(AnswerRejected.class, () -> PingAnswers.profileInfo(CommandBodiesTest.json("{'profileinfo':{'pid':'p'}}")));
        assertThrows(AnswerRejected.class, () -> PingAnswers.profileInfo(CommandBodiesTest.json("{'profileinfo':['p']}")));
        StringBuilder many = new StringBuilder("{'profileinfo':[");
        for (int i = 0; i <= PingAnswers.MAX_PROFILES; i++) {
            many.append(i == 0 ? "{}" : ",{}");
        }
        assertThrows(AnswerRejected.class, () -> PingAnswers.profileInfo(CommandBodiesTest.json(many + "]}")));
    }

    @Test
    void recognisesUniqueViolationsAnywhereInTheCauses() {
        var sql = new java.sql.SQLException("duplicate", "23505");
        assertEquals(true, IdempotentSubmission.isUniqueViolation(new RuntimeException(new IllegalStateException(sql))));
        assertEquals(false, IdempotentSubmission.isUniqueViolation(
                new RuntimeException(new java.sql.SQLException("lock timeout", "HYT00"))));
        assertEquals(false, IdempotentSubmission.isUniqueViolation(new RuntimeException("no cause")));
    }
}
