package cn.org.cast.dianzan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void pathParametersAreTakenFromTheirSegmentsAndDecoded() {
        assertEquals(Map.of("code", "AB CD"), RouteTable.matchPath("/codes/{code}/bind", "/codes/AB%20CD/bind"));
    }

    @Test
    void aPathOfAnotherShapeDoesNotMatch() {
        assertNull(RouteTable.matchPath("/codes/{code}/bind", "/codes/ABCD"));
        assertNull(RouteTable.matchPath("/codes/{code}", "/codes/ABCD/bind"));
        assertNull(RouteTable.matchPath("/codes/{code}", "/codes/"));
    }

    @Test
    void aGreedyParameterTakesTheRestOfThePath() {
        assertEquals(Map.of("proxy", "a/b/c"), RouteTable.matchPath("/web/{proxy+}", "/web/a/b/c"));
    }

    @Test
    void onlyTheLambdaCoreApiIsSharedWithFunctions() {
        org.junit.jupiter.api.Assertions.assertTrue(LambdaApiClassLoader.isLambdaApi("com.amazonaws.services.lambda.runtime.Context"));
        org.junit.jupiter.api.Assertions.assertTrue(LambdaApiClassLoader.isLambdaApi("com.amazonaws.services.lambda.runtime.logging.LogLevel"));
        org.junit.jupiter.api.Assertions.assertFalse(LambdaApiClassLoader.isLambdaApi("com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent"));
        org.junit.jupiter.api.Assertions.assertFalse(LambdaApiClassLoader.isLambdaApi("com.fasterxml.jackson.databind.ObjectMapper"));
    }
}
