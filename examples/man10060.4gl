#-------------------------------------------------------------------#
# PROGRAMA: man10060 - CONSULTA DE CONSUMO DE MATERIAIS             #
#           (exemplo sintético: lista de chaves mal formada)        #
#-------------------------------------------------------------------#
DATABASE logix

GLOBALS
   DEFINE p_cod_empresa   LIKE empresa.cod_empresa
END GLOBALS

#-------------------#
 FUNCTION man10060()
#-------------------#
   DEFINE l_qtd_consumo   DECIMAL(15,3)

   IF LOG_initApp("MANENG, estoq,,") <> 0 THEN
      RETURN
   END IF

   SELECT SUM(qtd_movto)
     INTO l_qtd_consumo
     FROM estoque_trans
    WHERE cod_empresa = p_cod_empresa

   DISPLAY "Consumo total: ", l_qtd_consumo USING "###,###,##&.&&&" AT 3,1
END FUNCTION
