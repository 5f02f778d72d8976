#-------------------------------------------------------------------#
# PROGRAMA: sup0700 - PLANEJAMENTO DE COMPRAS (exemplo sintético)   #
# OBS.....: chamado por outro programa, que passa a lista de chaves #
#           da empresa; a chave não é conhecida antes da execução   #
#-------------------------------------------------------------------#
DATABASE logix

GLOBALS
   DEFINE p_cod_empresa   LIKE empresa.cod_empresa
END GLOBALS

#---------------------------#
 FUNCTION sup0700(l_chaves)
#---------------------------#
   DEFINE l_chaves        CHAR(40),
          l_qtd_sugestao  INTEGER

   IF LOG_initApp(l_chaves) <> 0 THEN
      RETURN
   END IF

   SELECT COUNT(*)
     INTO l_qtd_sugestao
     FROM sugestao_compra
    WHERE cod_empresa = p_cod_empresa

   DISPLAY "Sugestões de compra: ", l_qtd_sugestao USING "####&" AT 2,1
END FUNCTION
